using ThreeRC.Contracts.Recovery;

namespace ThreeRC.Api.Persistence;

/// <summary>Reads the incidents.</summary>
public sealed class RecoveryQueries(ApiDatabase database)
{
    private const string Select =
        """
        SELECT r.id AS Id, r.vm_name AS VmName, r.start_level AS StartLevel, r.trigger AS Trigger,
               r.last_heard_at AS LastHeardAt, r.started_at AS StartedAt, r.completed_at AS CompletedAt,
               r.outcome AS Outcome, r.reason AS Reason, r.time_to_recover_ms AS TimeToRecoverMs,
               r.reported_again_at AS ReportedAgainAt,
               (SELECT s.step FROM recovery_steps s WHERE s.recovery_id = r.id ORDER BY s.started_at DESC LIMIT 1) AS CurrentStep
        FROM recoveries r
        """;

    public async Task<RecoveryRecord?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        (await database.QueryAsync<RecoveryRecord>($"{Select} WHERE r.id = @id", new { id }, cancellationToken)).SingleOrDefault();

    /// <summary>Newest first; after <paramref name="after"/> when given.</summary>
    public Task<IReadOnlyList<RecoveryRecord>> ListAsync(RecoveryFilter filter, RecoveryCursor? after, int limit, CancellationToken cancellationToken) =>
        database.QueryAsync<RecoveryRecord>(
            $"""
            {Select}
            WHERE (@vm IS NULL OR r.vm_name = @vm)
              AND (@state IS NULL OR (@state = 'Open' AND r.completed_at IS NULL) OR r.outcome = @state)
              AND (@startedAfter IS NULL OR r.started_at >= @startedAfter)
              AND (@startedBefore IS NULL OR r.started_at < @startedBefore)
              AND (@afterAt IS NULL OR r.started_at < @afterAt OR (r.started_at = @afterAt AND r.id < @afterId))
            ORDER BY r.started_at DESC, r.id DESC
            LIMIT @limit
            """,
            new
            {
                vm = filter.VmName,
                state = filter.State,
                startedAfter = filter.StartedAfter?.ToUniversalTime(),
                startedBefore = filter.StartedBefore?.ToUniversalTime(),
                afterAt = after?.StartedAt.ToUniversalTime(),
                afterId = after?.Id,
                limit,
            },
            cancellationToken);

    /// <summary>Every open incident, oldest first.</summary>
    public Task<IReadOnlyList<RecoveryRecord>> OpenAsync(CancellationToken cancellationToken) =>
        database.QueryAsync<RecoveryRecord>($"{Select} WHERE r.completed_at IS NULL ORDER BY r.started_at", null, cancellationToken);

    /// <summary>The incidents during which the VM was down at some time in [from, to) (see <see cref="RecoveryRecord.DownUntil"/>).</summary>
    public Task<IReadOnlyList<RecoveryRecord>> OverlappingAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        database.QueryAsync<RecoveryRecord>(
            $"""
            {Select}
            WHERE coalesce(r.last_heard_at, r.started_at) < @to
              AND coalesce(CASE WHEN r.outcome = 'Failed' THEN r.reported_again_at ELSE r.completed_at END, @to) > @from
            """,
            new { from = from.ToUniversalTime(), to = to.ToUniversalTime() },
            cancellationToken);

    /// <summary>The steps in order; a step without an end ended when the next one began.</summary>
    public async Task<IReadOnlyList<RecoveryStepRecord>> StepsAsync(Guid id, CancellationToken cancellationToken)
    {
        var steps = await database.QueryAsync<RecoveryStepRecord>(
            """
            SELECT step AS Step, host_name AS HostName, detail AS Detail, started_at AS StartedAt, ended_at AS EndedAt
            FROM recovery_steps WHERE recovery_id = @id ORDER BY started_at
            """,
            new { id },
            cancellationToken);
        return steps.Select((step, i) => i + 1 < steps.Count ? step with { EndedAt = step.EndedAt ?? steps[i + 1].StartedAt } : step).ToList();
    }
}
