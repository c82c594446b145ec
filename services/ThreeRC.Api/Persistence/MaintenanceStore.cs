using ThreeRC.Contracts.Operations;

namespace ThreeRC.Api.Persistence;

/// <summary>Which hosts and VMs are in maintenance, as the MaintenanceChanged events say.</summary>
public sealed class MaintenanceStore(ApiDatabase database)
{
    public Task SetAsync(MaintenanceChanged change, CancellationToken cancellationToken) =>
        database.ExecuteAsync(
            """
            INSERT INTO maintenance (target, name, in_maintenance, reason, changed_by, changed_at)
            VALUES (@target, @Name, @InMaintenance, @Reason, @ChangedBy, @at)
            ON CONFLICT (target, name) DO UPDATE SET
                in_maintenance = excluded.in_maintenance, reason = excluded.reason,
                changed_by = excluded.changed_by, changed_at = excluded.changed_at
            WHERE excluded.changed_at >= maintenance.changed_at
            """,
            new { target = change.Target.ToString(), change.Name, change.InMaintenance, change.Reason, change.ChangedBy, at = change.ChangedAt.ToUniversalTime() },
            cancellationToken);

    /// <summary>The hosts (or VMs) in maintenance now, by name.</summary>
    public async Task<IReadOnlyDictionary<string, MaintenanceState>> ListAsync(MaintenanceTarget target, CancellationToken cancellationToken)
    {
        var rows = await database.QueryAsync<MaintenanceState>(
            """
            SELECT name AS Name, reason AS Reason, changed_by AS ChangedBy, changed_at AS ChangedAt
            FROM maintenance WHERE target = @target AND in_maintenance = 1
            """,
            new { target = target.ToString() },
            cancellationToken);
        return rows.ToDictionary(row => row.Name, StringComparer.Ordinal);
    }
}
