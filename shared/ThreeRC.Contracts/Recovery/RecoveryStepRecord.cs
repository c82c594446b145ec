namespace ThreeRC.Contracts.Recovery;

/// <summary>
/// One step of an incident's timeline: the one model of a step, in the orchestrator's saga, in
/// <c>RecoveryCompleted</c> and in the Api's read model.
/// </summary>
/// <param name="Step">The step.</param>
/// <param name="HostName">The physical host involved, if any.</param>
/// <param name="Detail">What was done, in words.</param>
/// <param name="StartedAt">When the step began.</param>
/// <param name="EndedAt">When the next step began or the incident ended; null while the step runs (never in <c>RecoveryCompleted</c>).</param>
public record RecoveryStepRecord(
    RecoveryStep Step,
    string? HostName,
    string Detail,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt);
