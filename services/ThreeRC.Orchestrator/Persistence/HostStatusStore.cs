using Dapper;

namespace ThreeRC.Orchestrator.Persistence;

/// <summary>Records which physical hosts the monitor last reported unresponsive (read by <see cref="IncidentGuards"/>).</summary>
public sealed class HostStatusStore(OrchestratorDatabase database, TimeProvider time)
{
    public async Task SetDownAsync(string host, bool down)
    {
        await database.WriteAsync((connection, transaction) => connection.ExecuteAsync(
            "INSERT INTO host_status (name, down, since) VALUES (@host, @down, @since) ON CONFLICT (name) DO UPDATE SET down = @down, since = @since",
            new { host, down, since = time.GetUtcNow() }, transaction));
    }
}
