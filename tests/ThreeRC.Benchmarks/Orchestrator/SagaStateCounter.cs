using Microsoft.Data.Sqlite;
using ThreeRC.Testing;

namespace ThreeRC.Benchmarks.Orchestrator;

/// <summary>
/// Watches the orchestrator's saga table from outside (a second SQLite connection, as the WAL allows), so that the
/// benchmark learns that a transition was saved without consuming the events the saga publishes on the same cores.
/// </summary>
internal sealed class SagaStateCounter(string databaseFile)
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder { DataSource = databaseFile, Mode = SqliteOpenMode.ReadOnly }.ToString();

    /// <summary>Waits until <paramref name="count"/> sagas are in <paramref name="state"/>, polling every 10 ms.</summary>
    public async Task WaitForAsync(string state, int count, TimeSpan timeout)
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        await using var query = connection.CreateCommand();
        query.CommandText = "SELECT COUNT(*) FROM recovery_saga WHERE current_state = $state";
        query.Parameters.AddWithValue("$state", state);
        await Eventually.Until(async () => (long)(await query.ExecuteScalarAsync())!, seen => seen >= count, timeout, $"{count} sagas in {state}",
            TimeSpan.FromMilliseconds(10));
    }
}
