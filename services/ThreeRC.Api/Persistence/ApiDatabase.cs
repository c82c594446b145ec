using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Options;
using ThreeRC.Persistence;

namespace ThreeRC.Api.Persistence;

/// <summary>The Api's read model: api.db in the data directory, or the schema api.</summary>
public sealed class ApiDatabase(IOptions<StorageOptions> storage)
    : ServiceDatabase(storage.Value, "api", typeof(ApiDatabase).Assembly, "ThreeRC.Api.Persistence.Scripts.")
{
    public async Task<int> ExecuteAsync(string sql, object? parameters, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return (await connection.QueryAsync<T>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>Runs <paramref name="work"/> in one write: all of it is stored, or none.</summary>
    public Task InTransactionAsync(Func<DbConnection, DbTransaction, Task> work, CancellationToken cancellationToken) =>
        WriteAsync(async (connection, transaction) =>
        {
            await work(connection, transaction);
            return true;
        }, cancellationToken);
}
