using System.Data.Common;
using System.Linq.Expressions;
using System.Text.Json;
using Dapper;
using MassTransit;
using ThreeRC.Persistence.Sagas.Outbox;

namespace ThreeRC.Persistence.Sagas;

/// <summary>
/// One message's worth of saga storage, on one connection. Every save is version-checked: an update or delete
/// of an instance that changed since it was loaded, or an insert of one that exists, throws
/// <see cref="ConcurrencyException"/>, and the message is retried against the fresh row.
/// </summary>
/// <remarks>
/// The saga's own stores may use <see cref="Connection"/> for their reads and <see cref="WriteAsync"/> for writes
/// that need an answer at once; <see cref="Enlist"/> defers a write to the transaction of the next write, the
/// instance's save at the latest, so that it is committed with the state it belongs to, or not at all. The same
/// transaction records the message as handled (the inbox) and what the saga published (the <see cref="Outbox"/>).
/// </remarks>
public sealed class SagaSession<TSaga> : IAsyncDisposable
    where TSaga : class, ISagaVersion
{
    private readonly ServiceDatabase _database;
    private readonly SagaStatements<TSaga> _statements;
    private readonly OutboxStore _outbox;
    private readonly Guid? _inbound;
    private readonly List<SagaStatement> _enlisted = [];
    private (Guid CorrelationId, TSaga? Instance)? _received;

    internal SagaSession(DbConnection connection, ServiceDatabase database, SagaStatements<TSaga> statements, OutboxStore outbox, Guid? inbound)
    {
        Connection = connection;
        _database = database;
        _statements = statements;
        _outbox = outbox;
        _inbound = inbound;
    }

    /// <summary>What the saga publishes while it handles this message: written with its state, published after the commit.</summary>
    public SagaOutbox Outbox { get; } = new();

    /// <summary>The outbox messages the saved state committed, to be published now.</summary>
    internal IReadOnlyList<OutboxEntry> Committed { get; private set; } = [];

    /// <summary>The session's open connection, for reads of the saga's own tables.</summary>
    public DbConnection Connection { get; }

    /// <summary>Runs <paramref name="statement"/> in the transaction of this session's next write.</summary>
    public void Enlist(SagaStatement statement) => _enlisted.Add(statement);

    /// <summary>
    /// Begins the database's write (<see cref="ServiceDatabase.BeginWriteAsync"/>) on <see cref="Connection"/>, in which the
    /// enlisted statements have already run. Commit it before disposing it; a disposed, uncommitted write rolls back.
    /// </summary>
    public Task<DatabaseWrite> WriteAsync(CancellationToken cancellationToken = default) => BeginAsync(_database.BeginWriteAsync, cancellationToken);

    private async Task<DatabaseWrite> BeginAsync(Func<DbConnection, CancellationToken, Task<DatabaseWrite>> begin, CancellationToken cancellationToken)
    {
        var write = await begin(Connection, cancellationToken);
        try
        {
            foreach (var statement in _enlisted)
                await Connection.ExecuteAsync(new CommandDefinition(statement.Sql, statement.Parameters, write.Transaction, cancellationToken: cancellationToken));
            _enlisted.Clear();
            return write;
        }
        catch
        {
            await write.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Whether the inbox knows the message this session is for; if not, the instance it is about is read in the same
    /// round trip, for the <see cref="LoadAsync"/> that follows.
    /// </summary>
    public async Task<bool> ReceiveAsync(Guid messageId, Guid correlationId, CancellationToken cancellationToken)
    {
        var row = await Connection.QuerySingleAsync<(bool Handled, string? Data, int? Version)>(new CommandDefinition(
            _statements.Receive, new { messageId, correlationId }, cancellationToken: cancellationToken));
        if (row.Handled) return true;
        _received = (correlationId, row is { Data: { } data, Version: { } version } ? Read(data, version) : null);
        return false;
    }

    public async Task<TSaga?> LoadAsync(Guid correlationId, CancellationToken cancellationToken)
    {
        if (_received is { } received && received.CorrelationId == correlationId)
        {
            _received = null;
            return received.Instance;
        }

        var row = await Connection.QuerySingleOrDefaultAsync<(string Data, int Version)?>(new CommandDefinition(
            _statements.Load, new { correlationId }, cancellationToken: cancellationToken));
        return row is { } found ? Read(found.Data, found.Version) : null;
    }

    public async Task<IReadOnlyList<TSaga>> QueryAsync(Expression<Func<TSaga, bool>> filter, CancellationToken cancellationToken)
    {
        var matches = filter.Compile();
        var rows = await Connection.QueryAsync<(string Data, int Version)>(new CommandDefinition(
            _statements.LoadAll, cancellationToken: cancellationToken));
        return rows.Select(row => Read(row.Data, row.Version)).Where(matches).ToList();
    }

    public async Task InsertAsync(TSaga instance, CancellationToken cancellationToken)
    {
        instance.Version = 1;
        try
        {
            await SaveAsync(_statements.Insert, Parameters(instance), cancellationToken);
        }
        catch (Exception e) when (_database.Dialect.IsDuplicateKey(e))
        {
            instance.Version = 0;
            throw new ConcurrencyException($"{typeof(TSaga).Name} {instance.CorrelationId} was inserted by another message first", typeof(TSaga), instance.CorrelationId, e);
        }
    }

    public async Task UpdateAsync(TSaga instance, CancellationToken cancellationToken)
    {
        var expected = instance.Version;
        instance.Version = expected + 1;
        var parameters = Parameters(instance);
        parameters.Add("expected", expected);
        if (await SaveAsync(_statements.Update, parameters, cancellationToken) == 1) return;
        instance.Version = expected;
        throw new ConcurrencyException($"{typeof(TSaga).Name} {instance.CorrelationId} changed since version {expected} was loaded", typeof(TSaga), instance.CorrelationId);
    }

    public async Task DeleteAsync(TSaga instance, CancellationToken cancellationToken)
    {
        var deleted = await SaveAsync(_statements.Delete, new { correlationId = instance.CorrelationId, version = instance.Version }, cancellationToken);
        if (deleted != 1)
            throw new ConcurrencyException($"{typeof(TSaga).Name} {instance.CorrelationId} changed since version {instance.Version} was loaded", typeof(TSaga), instance.CorrelationId);
    }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();

    /// <summary>
    /// One row write with the enlisted statements, committed only if the row was saved: the version check, not a
    /// lock on the whole schema, keeps two instances from both saving a change of the same saga.
    /// </summary>
    private async Task<int> SaveAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        var published = Outbox.Entries.ToList();
        if (_outbox.Statement(_inbound, published) is { } handled) _enlisted.Add(handled);
        await using var write = await BeginAsync(_database.BeginRowWriteAsync, cancellationToken);
        var saved = await Connection.ExecuteAsync(new CommandDefinition(sql, parameters, write.Transaction, cancellationToken: cancellationToken));
        if (saved != 1) return saved;
        await write.Transaction.CommitAsync(cancellationToken);
        Committed = published;
        return saved;
    }

    private DynamicParameters Parameters(TSaga instance)
    {
        var parameters = new DynamicParameters();
        parameters.Add("correlationId", instance.CorrelationId);
        parameters.Add("version", instance.Version);
        parameters.Add("data", JsonSerializer.Serialize(instance, SagaJson.Options));
        foreach (var column in _statements.Columns) parameters.Add(column.Name, column.Value(instance));
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
