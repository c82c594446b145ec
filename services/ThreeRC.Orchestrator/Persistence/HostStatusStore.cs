using Dapper;

namespace ThreeRC.Orchestrator.Persistence;

/// <summary>Which physical hosts the monitor last reported unresponsive.</summary>
public sealed class HostStatusStore(OrchestratorDatabase database, TimeProvider time)
{
    public async Task SetDownAsync(string host, bool down)
    {
        using var turn = await database.EnterWriteAsync();
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync(
            "INSERT INTO host_status (name, down, since) VALUES (@host, @down, @since) ON CONFLICT (name) DO UPDATE SET down = @down, since = @since",
            new { host, down, since = time.GetUtcNow() });
    }

    public async Task<bool> IsDownAsync(string host)
    {
        await using var connection = await database.OpenAsync();
        return await connection.ExecuteScalarAsync<bool>("SELECT coalesce(max(down), 0) FROM host_status WHERE name = @host", new { host });
    }
}
