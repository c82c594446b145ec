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
}
