using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using ThreeRC.Persistence;
using ThreeRC.Testing;

namespace ThreeRC.Benchmarks.Orchestrator;

/// <summary>
/// Watches the orchestrator's saga table from outside (a second SQLite connection, as the WAL allows, or a PostgreSQL
/// connection to its schema), so that the benchmark learns that a transition was saved without consuming the events
/// the saga publishes on the same cores.
/// </summary>
internal sealed class SagaStateCounter(StorageOptions storage)
{
    /// <summary>Waits until <paramref name="count"/> sagas are in <paramref name="state"/>, polling every 10 ms.</summary>
    public async Task WaitForAsync(string state, int count, TimeSpan timeout)
    {
        await using DbConnection connection = storage.Provider == StorageProvider.Sqlite
            ? new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(storage.DataDirectory!, "orchestrator.db"), Mode = SqliteOpenMode.ReadOnly }.ToString())
            : new NpgsqlConnection(new NpgsqlConnectionStringBuilder(storage.ConnectionString) { SearchPath = "orchestrator" }.ToString());
        await connection.OpenAsync();
        await using var query = connection.CreateCommand();
        query.CommandText = "SELECT COUNT(*) FROM recovery_saga WHERE current_state = @state";
        var parameter = query.CreateParameter();
        (parameter.ParameterName, parameter.Value) = ("state", state);
        query.Parameters.Add(parameter);
        await Eventually.Until(async () => Convert.ToInt64(await query.ExecuteScalarAsync()), seen => seen >= count, timeout, $"{count} sagas in {state}",
            TimeSpan.FromMilliseconds(10));
    }
}
