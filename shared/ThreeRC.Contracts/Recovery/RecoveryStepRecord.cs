namespace ThreeRC.Contracts.Recovery;

/// <summary>One step of a finished incident's timeline.</summary>
/// <param name="Step">The step.</param>
/// <param name="HostName">The physical host involved, if any.</param>
/// <param name="Detail">What was done, in words.</param>
/// <param name="StartedAt">When the step began.</param>
/// <param name="EndedAt">When the next step began or the incident ended.</param>
public record RecoveryStepRecord(
    RecoveryStep Step,
    string? HostName,
    string Detail,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt);
