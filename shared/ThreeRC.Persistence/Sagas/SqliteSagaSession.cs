using System.Linq.Expressions;
using System.Text.Json;
using Dapper;
using MassTransit;
using Microsoft.Data.Sqlite;

namespace ThreeRC.Persistence.Sagas;

/// <summary>
/// One connection's worth of saga storage. Every write is one statement, version-checked: an update or delete
/// of an instance that changed since it was loaded, or an insert of one that exists, throws
/// <see cref="ConcurrencyException"/>, and the message is retried against the fresh row.
/// </summary>
public sealed class SqliteSagaSession<TSaga> : IAsyncDisposable
    where TSaga : class, ISagaVersion
{
    private const int SqliteConstraint = 19;
    private readonly SqliteConnection _connection;
    private readonly SqliteDatabase _database;
    private readonly SqliteSagaOptions<TSaga> _options;

    internal SqliteSagaSession(SqliteConnection connection, SqliteDatabase database, SqliteSagaOptions<TSaga> options)
    {
        _connection = connection;
        _database = database;
        _options = options;
    }

    private IEnumerable<string> ExtraColumns => _options.Columns.Select(column => column.Name);

    public async Task<TSaga?> LoadAsync(Guid correlationId, CancellationToken cancellationToken)
    {
        var row = await _connection.QuerySingleOrDefaultAsync<(string Data, int Version)?>(new CommandDefinition(
            $"SELECT data, version FROM {_options.Table} WHERE correlation_id = @correlationId",
            new { correlationId }, cancellationToken: cancellationToken));
        return row is { } found ? Read(found.Data, found.Version) : null;
    }

    public async Task<IReadOnlyList<TSaga>> QueryAsync(Expression<Func<TSaga, bool>> filter, CancellationToken cancellationToken)
    {
        var matches = filter.Compile();
        var rows = await _connection.QueryAsync<(string Data, int Version)>(new CommandDefinition(
            $"SELECT data, version FROM {_options.Table}", cancellationToken: cancellationToken));
        return rows.Select(row => Read(row.Data, row.Version)).Where(matches).ToList();
    }

    public async Task InsertAsync(TSaga instance, CancellationToken cancellationToken)
    {
        instance.Version = 1;
        var columns = string.Join(", ", ExtraColumns.Prepend("data").Prepend("version").Prepend("correlation_id"));
        var values = string.Join(", ", ExtraColumns.Select(name => "@" + name).Prepend("@data").Prepend("@version").Prepend("@correlationId"));
        try
        {
            using var turn = await _database.EnterWriteAsync(cancellationToken);
            await _connection.ExecuteAsync(new CommandDefinition(
                $"INSERT INTO {_options.Table} ({columns}) VALUES ({values})", Parameters(instance), cancellationToken: cancellationToken));
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SqliteConstraint)
        {
            instance.Version = 0;
            throw new ConcurrencyException($"{typeof(TSaga).Name} {instance.CorrelationId} was inserted by another message first", typeof(TSaga), instance.CorrelationId, e);
        }
    }

    public async Task UpdateAsync(TSaga instance, CancellationToken cancellationToken)
    {
        var expected = instance.Version;
        instance.Version = expected + 1;
        var assignments = string.Join(", ", ExtraColumns.Select(name => $"{name} = @{name}").Prepend("data = @data").Prepend("version = @version"));
        var parameters = Parameters(instance);
        parameters.Add("expected", expected);
        using var turn = await _database.EnterWriteAsync(cancellationToken);
        var updated = await _connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE {_options.Table} SET {assignments} WHERE correlation_id = @correlationId AND version = @expected",
            parameters, cancellationToken: cancellationToken));
        if (updated == 1) return;
        instance.Version = expected;
        throw new ConcurrencyException($"{typeof(TSaga).Name} {instance.CorrelationId} changed since version {expected} was loaded", typeof(TSaga), instance.CorrelationId);
    }

    public async Task DeleteAsync(TSaga instance, CancellationToken cancellationToken)
    {
        using var turn = await _database.EnterWriteAsync(cancellationToken);
        var deleted = await _connection.ExecuteAsync(new CommandDefinition(
            $"DELETE FROM {_options.Table} WHERE correlation_id = @correlationId AND version = @version",
            new { correlationId = instance.CorrelationId, version = instance.Version }, cancellationToken: cancellationToken));
        if (deleted != 1)
            throw new ConcurrencyException($"{typeof(TSaga).Name} {instance.CorrelationId} changed since version {instance.Version} was loaded", typeof(TSaga), instance.CorrelationId);
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private DynamicParameters Parameters(TSaga instance)
    {
        var parameters = new DynamicParameters();
        parameters.Add("correlationId", instance.CorrelationId);
        parameters.Add("version", instance.Version);
        parameters.Add("data", JsonSerializer.Serialize(instance, SagaJson.Options));
        foreach (var column in _options.Columns) parameters.Add(column.Name, column.Value(instance));
        return parameters;
    }

    private static TSaga Read(string data, int version)
    {
        var instance = JsonSerializer.Deserialize<TSaga>(data, SagaJson.Options)
            ?? throw new InvalidOperationException($"a {typeof(TSaga).Name} row holds no instance");
        instance.Version = version;
        return instance;
    }
}
