using Dapper;
using ThreeRC.Contracts.Recovery;

namespace ThreeRC.Api.Persistence;

/// <summary>
/// Writes the incidents. Each write stands alone so that the events may come in any order: a step that
/// overtook its incident's start creates the incident, and the completion's step list replaces the steps.
/// </summary>
public sealed class RecoveryStore(ApiDatabase database)
{
    public Task StartAsync(RecoveryStarted started, CancellationToken cancellationToken) =>
        database.ExecuteAsync(
            """
            INSERT INTO recoveries (id, vm_name, start_level, trigger, last_heard_at, started_at)
            VALUES (@RecoveryId, @VmName, @level, @Trigger, @heard, @started)
            ON CONFLICT (id) DO UPDATE SET
                start_level = excluded.start_level,
                trigger = excluded.trigger,
                last_heard_at = coalesce(recoveries.last_heard_at, excluded.last_heard_at),
                started_at = excluded.started_at
            """,
            new
            {
                started.RecoveryId, started.VmName, level = started.StartLevel.ToString(), started.Trigger,
                heard = started.LastHeardAt?.ToUniversalTime(),
                started = started.StartedAt.ToUniversalTime(),
            },
            cancellationToken);

    public Task AddStepAsync(RecoveryStepStarted step, CancellationToken cancellationToken) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            var parameters = new
            {
                step.RecoveryId, step.VmName, step = step.Step.ToString(), step.HostName, step.Detail,
                started = step.StartedAt.ToUniversalTime(),
            };
            await connection.ExecuteAsync(
                "INSERT INTO recoveries (id, vm_name, started_at) VALUES (@RecoveryId, @VmName, @started) ON CONFLICT (id) DO NOTHING",
                parameters, transaction);
            await connection.ExecuteAsync(
                """
                INSERT INTO recovery_steps (recovery_id, step, host_name, detail, started_at)
                SELECT @RecoveryId, @step, @HostName, @Detail, @started
                WHERE NOT EXISTS (SELECT 1 FROM recoveries WHERE id = @RecoveryId AND completed_at IS NOT NULL)
                ON CONFLICT DO NOTHING
                """,
                parameters, transaction);
        }, cancellationToken);

    public Task CompleteAsync(RecoveryCompleted completed, CancellationToken cancellationToken) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO recoveries (id, vm_name, last_heard_at, started_at, completed_at, outcome, reason, time_to_recover_ms)
                VALUES (@RecoveryId, @VmName, @heard, @started, @ended, @outcome, @Reason, @ttr)
                ON CONFLICT (id) DO UPDATE SET
                    last_heard_at = coalesce(excluded.last_heard_at, recoveries.last_heard_at),
                    started_at = excluded.started_at,
                    completed_at = excluded.completed_at,
                    outcome = excluded.outcome,
                    reason = excluded.reason,
                    time_to_recover_ms = excluded.time_to_recover_ms
                """,
                new
                {
                    completed.RecoveryId, completed.VmName, completed.Reason,
                    heard = completed.LastHeardAt?.ToUniversalTime(),
                    started = completed.StartedAt.ToUniversalTime(),
                    ended = completed.CompletedAt.ToUniversalTime(),
                    outcome = completed.Outcome.ToString(),
                    ttr = (long)completed.TimeToRecover.TotalMilliseconds,
                },
                transaction);
            await connection.ExecuteAsync("DELETE FROM recovery_steps WHERE recovery_id = @RecoveryId", new { completed.RecoveryId }, transaction);
            await connection.ExecuteAsync(
                """
                INSERT INTO recovery_steps (recovery_id, step, host_name, detail, started_at, ended_at)
                VALUES (@id, @step, @HostName, @Detail, @started, @ended)
                ON CONFLICT DO NOTHING
                """,
                completed.Steps.Select(step => new
                {
                    id = completed.RecoveryId, step = step.Step.ToString(), step.HostName, step.Detail,
                    started = step.StartedAt.ToUniversalTime(),
                    ended = step.EndedAt?.ToUniversalTime(),
                }),
                transaction);
        }, cancellationToken);

    /// <summary>Ends the downtime of the VM's failed incidents that ended before <paramref name="at"/> and had no report since.</summary>
    public Task ReportedAgainAsync(string vmName, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.ExecuteAsync(
            """
            UPDATE recoveries SET reported_again_at = @at
            WHERE vm_name = @vmName AND outcome = 'Failed' AND reported_again_at IS NULL AND completed_at <= @at
            """,
            new { vmName, at = at.ToUniversalTime() },
            cancellationToken);
}
