using Dapper;
using ThreeRC.Orchestrator.Persistence;

namespace ThreeRC.Orchestrator.Deadlines;

/// <summary>
/// The sweeper's view of the saga table: due deadlines not yet published (or published long enough ago that the message
/// must have been lost). A sweep claims them in one write, marking them published before it publishes them, so that
/// of several orchestrators on one database only one publishes each: on PostgreSQL the claimed rows are locked and
/// skipped by the sweeps beside it (<c>FOR UPDATE SKIP LOCKED</c>), and by a saga being saved. A claim whose publish
/// never happened is claimed again after the redispatch delay.
/// </summary>
public sealed class DeadlineStore(OrchestratorDatabase database)
{
    public Task<IReadOnlyList<DueDeadline>> ClaimDueAsync(DateTimeOffset now, TimeSpan redispatchAfter, int limit) =>
        database.WriteRowsAsync<IReadOnlyList<DueDeadline>>(async (connection, transaction) =>
        {
            var at = now.ToUnixTimeMilliseconds();
            var rows = (await connection.QueryAsync<(Guid CorrelationId, Guid Token, long DeadlineAt)>(
                $"""
                SELECT correlation_id, deadline_token, deadline_at FROM recovery_saga
                WHERE deadline_at <= @at
                  AND (dispatched_token IS NULL OR dispatched_token != deadline_token OR dispatched_at <= @redispatch)
                ORDER BY deadline_at LIMIT @limit {database.Dialect.SkipLockedRows}
                """,
                new { at, redispatch = (now - redispatchAfter).ToUnixTimeMilliseconds(), limit }, transaction)).ToList();
            await connection.ExecuteAsync(
                "UPDATE recovery_saga SET dispatched_token = @Token, dispatched_at = @at WHERE correlation_id = @CorrelationId",
                rows.Select(row => new { row.Token, row.CorrelationId, at }), transaction);
            return rows.Select(row => new DueDeadline(row.CorrelationId, row.Token, row.DeadlineAt)).ToList();
        });
}
