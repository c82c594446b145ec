namespace ThreeRC.Contracts.Recovery;

/// <summary>An incident moved to its next step.</summary>
/// <param name="RecoveryId">The incident.</param>
/// <param name="VmName">The inventory name of the VM.</param>
/// <param name="Step">The step now running.</param>
/// <param name="HostName">The physical host involved, if any.</param>
/// <param name="Detail">What is done, in words.</param>
/// <param name="StartedAt">When the step began.</param>
public record RecoveryStepStarted(
    Guid RecoveryId,
    string VmName,
    RecoveryStep Step,
    string? HostName,
    string Detail,
    DateTimeOffset StartedAt);
