using Dapper;
using ThreeRC.Contracts.Operations;
using ThreeRC.Persistence;

namespace ThreeRC.ServiceDefaults.Preflight;

/// <summary>The module's database opens, with its schema up to date, and answers a query.</summary>
public sealed class StorePreflightCheck<TDatabase>(string module, TDatabase database) : IPreflightCheck
    where TDatabase : ServiceDatabase
{
    public string Module => module;

    public string Name => "store";

    public async Task<IReadOnlyList<PreflightFinding>> RunAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT 1", cancellationToken: cancellationToken));
        return [new PreflightFinding(module, Name, database.Location, true, "opens, schema up to date, answers")];
    }
}
