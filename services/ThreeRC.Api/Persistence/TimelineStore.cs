using ThreeRC.Api.Feed;

namespace ThreeRC.Api.Persistence;

/// <summary>Every event that carried a recovery id: the incident's timeline.</summary>
public sealed class TimelineStore(ApiDatabase database)
{
    /// <summary>Stores the event once; false when that message was stored before (a redelivery).</summary>
    public async Task<bool> AddAsync(Guid messageId, Guid recoveryId, string kind, EventFacts facts, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(
            """
            INSERT INTO recovery_events (message_id, recovery_id, kind, occurred_at, host_name, summary)
            VALUES (@messageId, @recoveryId, @kind, @at, @HostName, @Summary)
            ON CONFLICT DO NOTHING
            """,
            new { messageId, recoveryId, kind, at = facts.OccurredAt.ToUniversalTime(), facts.HostName, facts.Summary },
            cancellationToken) == 1;

    public Task<IReadOnlyList<TimelineEntry>> ListAsync(Guid recoveryId, CancellationToken cancellationToken) =>
        database.QueryAsync<TimelineEntry>(
            $"""
            SELECT occurred_at AS OccurredAt, kind AS Kind, host_name AS HostName, summary AS Summary
            FROM recovery_events WHERE recovery_id = @recoveryId ORDER BY occurred_at, {database.Dialect.InsertionOrder}
            """,
            new { recoveryId },
            cancellationToken);

    /// <summary>The latest event of <paramref name="kind"/> of each open incident that has one, oldest first.</summary>
    public Task<IReadOnlyList<RaisedAlert>> LatestInOpenIncidentsAsync(string kind, CancellationToken cancellationToken) =>
        database.QueryAsync<RaisedAlert>(
            """
            SELECT e.recovery_id AS RecoveryId, r.vm_name AS VmName, e.host_name AS HostName, e.summary AS Summary, e.occurred_at AS RaisedAt
            FROM recovery_events e JOIN recoveries r ON r.id = e.recovery_id
            WHERE e.kind = @kind AND r.completed_at IS NULL
              AND e.occurred_at = (SELECT MAX(l.occurred_at) FROM recovery_events l WHERE l.recovery_id = e.recovery_id AND l.kind = @kind)
            ORDER BY e.occurred_at
            """,
            new { kind },
            cancellationToken);
}
