using Dapper;
using Microsoft.Extensions.Options;
using ThreeRC.Orchestrator.Options;

namespace ThreeRC.Orchestrator.Persistence;

/// <summary>
/// Storm control: an incident holds a slot while it does hypervisor work (guest reboot, fencing, restart).
/// At most <see cref="OrchestratorOptions.MaxConcurrentRecoveries"/> slots are granted cluster-wide and
/// <see cref="OrchestratorOptions.MaxConcurrentRestartsPerHost"/> per target host; waiters are granted by
/// priority, then in arrival order.
/// </summary>
public sealed class RecoverySlots(OrchestratorDatabase database, IOptions<OrchestratorOptions> options, TimeProvider time)
{
    /// <summary>Grants (or keeps) a slot, on <paramref name="host"/> when the work targets one; false means wait and ask again.</summary>
    public async Task<bool> TryAcquireAsync(Guid correlationId, string vm, int priority, string? host)
    {
        using var turn = await database.EnterWriteAsync();
        await using var connection = await database.OpenAsync();
        await using var transaction = connection.BeginTransaction(deferred: false);
        await connection.ExecuteAsync(
            "INSERT OR IGNORE INTO recovery_slots (correlation_id, vm_name, host, priority, requested_at, granted) VALUES (@correlationId, @vm, @host, @priority, @now, 0)",
            new { correlationId, vm, host, priority, now = time.GetUtcNow().ToUnixTimeMilliseconds() }, transaction);
        var granted = await connection.ExecuteAsync(
            """
            UPDATE recovery_slots SET granted = 1, host = @host
            WHERE correlation_id = @correlationId
              AND (SELECT count(*) FROM recovery_slots WHERE granted = 1 AND correlation_id != @correlationId) < @cluster
              AND (@host IS NULL OR (SELECT count(*) FROM recovery_slots
                                     WHERE granted = 1 AND host = @host AND correlation_id != @correlationId) < @perHost)
              AND (SELECT count(*) FROM recovery_slots ahead, recovery_slots me
                   WHERE me.correlation_id = @correlationId AND ahead.granted = 0 AND ahead.host IS NULL
                     AND ahead.correlation_id != @correlationId
                     AND (ahead.priority > me.priority OR (ahead.priority = me.priority AND ahead.requested_at < me.requested_at)))
                  < @cluster - (SELECT count(*) FROM recovery_slots WHERE granted = 1 AND correlation_id != @correlationId)
            """,
            new { correlationId, host, cluster = options.Value.MaxConcurrentRecoveries, perHost = options.Value.MaxConcurrentRestartsPerHost },
            transaction) == 1;
        if (!granted)
            await connection.ExecuteAsync("UPDATE recovery_slots SET granted = 0, host = @host WHERE correlation_id = @correlationId",
                new { correlationId, host }, transaction);
        await transaction.CommitAsync();
        return granted;
    }

    public async Task ReleaseAsync(Guid correlationId)
    {
        using var turn = await database.EnterWriteAsync();
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync("DELETE FROM recovery_slots WHERE correlation_id = @correlationId", new { correlationId });
    }
}
