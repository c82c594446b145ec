using Dapper;
using Microsoft.Extensions.Options;
using ThreeRC.Orchestrator.Options;
using ThreeRC.Orchestrator.StateMachines;
using ThreeRC.Persistence.Sagas;

namespace ThreeRC.Orchestrator.Persistence;

/// <summary>
/// Storm control: an incident holds a slot while it does hypervisor work (guest reboot, fencing, restart).
/// At most <see cref="OrchestratorOptions.MaxConcurrentRecoveries"/> slots are granted cluster-wide and
/// <see cref="OrchestratorOptions.MaxConcurrentRestartsPerHost"/> per target host; waiters are granted by
/// priority, then in arrival order. Slots are rows next to the saga's, written in the saga message's session.
/// </summary>
public sealed class RecoverySlots(IOptions<OrchestratorOptions> options, TimeProvider time)
{
    private const string Request =
        """
        INSERT INTO recovery_slots (correlation_id, vm_name, host, priority, requested_at, granted)
        VALUES (@correlationId, @vm, @host, @priority, @now, 0)
        ON CONFLICT (correlation_id) DO NOTHING
        """;

    // Granted when the target host has room, and the granted slots of the others plus the incidents waiting ahead of
    // this one (for any host) stay under the cluster bound.
    private const string Grant =
        """
        UPDATE recovery_slots AS me
        SET host = @host,
            granted = CASE WHEN
                (@host IS NULL OR (SELECT count(*) FROM recovery_slots WHERE granted = 1 AND host = @host)
                                  - (CASE WHEN me.granted = 1 AND me.host IS NOT DISTINCT FROM @host THEN 1 ELSE 0 END) < @perHost)
                AND (SELECT granted FROM recovery_slot_count) - me.granted
                    + (SELECT count(*) FROM recovery_slots ahead
                       WHERE ahead.granted = 0 AND ahead.host IS NULL AND ahead.correlation_id != me.correlation_id
                         AND (ahead.priority > me.priority OR (ahead.priority = me.priority AND ahead.requested_at < me.requested_at)))
                    < @cluster
                THEN 1 ELSE 0 END
        WHERE correlation_id = @correlationId
        RETURNING granted
        """;

    // One round trip while the write holds the database's turn.
    private const string RequestAndGrant = Request + ";\n" + Grant;

    /// <summary>Grants (or keeps) a slot, on <paramref name="host"/> when the work targets one; false means wait and ask again.</summary>
    public async Task<bool> TryAcquireAsync(SagaSession<RecoveryState> session, Guid correlationId, string vm, int priority, string? host)
    {
        var parameters = new
        {
            correlationId, vm, host, priority, now = time.GetUtcNow().ToUnixTimeMilliseconds(),
            cluster = options.Value.MaxConcurrentRecoveries, perHost = options.Value.MaxConcurrentRestartsPerHost,
        };
        await using var write = await session.WriteAsync();
        var granted = await session.Connection.QuerySingleAsync<bool>(RequestAndGrant, parameters, write.Transaction);
        await write.CommitAsync();
        return granted;
    }

    /// <summary>Gives the slot back when the incident's state is saved.</summary>
    public static SagaStatement Release(Guid correlationId) =>
        new("DELETE FROM recovery_slots WHERE correlation_id = @correlationId", new { correlationId });
}
