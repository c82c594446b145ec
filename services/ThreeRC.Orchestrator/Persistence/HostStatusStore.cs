using Dapper;

namespace ThreeRC.Orchestrator.Persistence;

/// <summary>
/// Records which physical hosts the monitor last reported unresponsive (read by <see cref="IncidentGuards"/> and the
/// <see cref="FencingBrake"/>): a row write of the host's own row, committed before the brake counts the rows.
/// </summary>
public sealed class HostStatusStore(OrchestratorDatabase database, TimeProvider time)
{
    public async Task SetDownAsync(string host, bool down)
    {
        await database.WriteRowsAsync((connection, transaction) => connection.ExecuteAsync(
            "INSERT INTO host_status (name, down, since) VALUES (@host, @down, @since) ON CONFLICT (name) DO UPDATE SET down = @down, since = @since",
            new { host, down, since = time.GetUtcNow() }, transaction));
    }
}
