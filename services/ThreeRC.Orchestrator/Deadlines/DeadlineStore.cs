using Dapper;
using ThreeRC.Orchestrator.Persistence;

namespace ThreeRC.Orchestrator.Deadlines;

/// <summary>
/// The sweeper's view of the saga table: due deadlines not yet published (or published long enough ago that
/// the message must have been lost), and the mark that says a deadline was published.
/// </summary>
public sealed class DeadlineStore(OrchestratorDatabase database)
{
    public async Task<IReadOnlyList<DueDeadline>> DueAsync(DateTimeOffset now, TimeSpan redispatchAfter, int limit)
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<(Guid CorrelationId, Guid Token, long DeadlineAt)>(
            """
            SELECT correlation_id, deadline_token, deadline_at FROM recovery_saga
            WHERE deadline_at <= @now
              AND (dispatched_token IS NULL OR dispatched_token != deadline_token OR dispatched_at <= @redispatch)
            ORDER BY deadline_at LIMIT @limit
            """,
            new { now = now.ToUnixTimeMilliseconds(), redispatch = (now - redispatchAfter).ToUnixTimeMilliseconds(), limit });
        return rows.Select(row => new DueDeadline(row.CorrelationId, row.Token, row.DeadlineAt)).ToList();
    }

    public async Task MarkDispatchedAsync(IEnumerable<DueDeadline> deadlines, DateTimeOffset now)
    {
        using var turn = await database.EnterWriteAsync();
        await using var connection = await database.OpenAsync();
        await using var transaction = connection.BeginTransaction(deferred: false);
        await connection.ExecuteAsync(
            "UPDATE recovery_saga SET dispatched_token = @Token, dispatched_at = @at WHERE correlation_id = @CorrelationId",
            deadlines.Select(deadline => new { deadline.Token, deadline.CorrelationId, at = now.ToUnixTimeMilliseconds() }), transaction);
        await transaction.CommitAsync();
    }
}
