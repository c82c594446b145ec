using Dapper;
using ThreeRC.Contracts.Operations;

namespace ThreeRC.Orchestrator.Persistence;

/// <summary>The hosts and VMs operators put into maintenance: no incident starts for them.</summary>
public sealed class MaintenanceStore(OrchestratorDatabase database, TimeProvider time)
{
    public async Task SetAsync(MaintenanceTarget target, string name, bool inMaintenance, string reason)
    {
        await database.WriteAsync((connection, transaction) => inMaintenance
            ? connection.ExecuteAsync(
                "INSERT INTO maintenance (target, name, reason, since) VALUES (@target, @name, @reason, @since) ON CONFLICT (target, name) DO UPDATE SET reason = @reason",
                new { target = target.ToString(), name, reason, since = time.GetUtcNow() }, transaction)
            : connection.ExecuteAsync("DELETE FROM maintenance WHERE target = @target AND name = @name", new { target = target.ToString(), name }, transaction));
    }

    /// <summary>The reason the physical host is in maintenance; null when it is not.</summary>
    public async Task<string?> HostReasonAsync(string host)
    {
        await using var connection = await database.OpenAsync();
        return await connection.QueryFirstOrDefaultAsync<string>(
            "SELECT 'Host ' || name || ' is in maintenance: ' || reason FROM maintenance WHERE target = 'Host' AND name = @host", new { host });
    }
}
