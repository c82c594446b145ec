using ThreeRC.Contracts.Recovery;

namespace ThreeRC.Api.Persistence;

/// <summary>The mass-failure brake, as the FencingHalted and FencingResumed events say.</summary>
public sealed class FencingBrakeStore(ApiDatabase database)
{
    private const string Select = """
        SELECT halted AS Halted, reason AS Reason, silent_hosts AS SilentHosts, physical_hosts AS PhysicalHosts,
               changed_by AS ChangedBy, changed_at AS ChangedAt
        FROM fencing_brake
        """;

    public Task HaltedAsync(FencingHalted halted, CancellationToken cancellationToken) =>
        database.ExecuteAsync(
            """
            INSERT INTO fencing_brake (id, halted, reason, silent_hosts, physical_hosts, changed_by, changed_at)
            VALUES (1, 1, @Reason, @silentHosts, @PhysicalHosts, NULL, @at)
            ON CONFLICT (id) DO UPDATE SET
                halted = 1, reason = excluded.reason, silent_hosts = excluded.silent_hosts,
                physical_hosts = excluded.physical_hosts, changed_by = NULL, changed_at = excluded.changed_at
            WHERE excluded.changed_at >= fencing_brake.changed_at
            """,
            new { halted.Reason, silentHosts = string.Join(',', halted.SilentHosts), halted.PhysicalHosts, at = halted.HaltedAt.ToUniversalTime() },
            cancellationToken);

    public Task ResumedAsync(FencingResumed resumed, CancellationToken cancellationToken) =>
        database.ExecuteAsync(
            """
            INSERT INTO fencing_brake (id, halted, reason, silent_hosts, physical_hosts, changed_by, changed_at)
            VALUES (1, 0, @Reason, '', 0, @ResumedBy, @at)
            ON CONFLICT (id) DO UPDATE SET
                halted = 0, reason = excluded.reason, changed_by = excluded.changed_by, changed_at = excluded.changed_at
            WHERE excluded.changed_at >= fencing_brake.changed_at
            """,
            new { resumed.Reason, resumed.ResumedBy, at = resumed.ResumedAt.ToUniversalTime() },
            cancellationToken);

    /// <summary>The brake's last announced state; null when the read model has seen neither a halt nor a resume.</summary>
    public async Task<FencingBrakeState?> CurrentAsync(CancellationToken cancellationToken) =>
        (await database.QueryAsync<FencingBrakeState>(Select, null, cancellationToken)).SingleOrDefault();
}
