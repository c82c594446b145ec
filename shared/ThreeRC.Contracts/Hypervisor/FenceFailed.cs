namespace ThreeRC.Contracts.Hypervisor;

/// <summary>The fencing method could not confirm that the host no longer runs the VM.</summary>
/// <param name="RecoveryId">The incident.</param>
/// <param name="VmName">The VM the fencing was for.</param>
/// <param name="CommandId">The command this answers.</param>
/// <param name="HostName">The physical host.</param>
/// <param name="Method">The method that failed.</param>
/// <param name="Reason">What went wrong, in words.</param>
/// <param name="MayHaveTakenEffect">True when the command may have acted all the same (a timeout or a dropped session after it was sent): treat it as if it did.</param>
/// <param name="Commands">The command lines that ran, without secrets.</param>
/// <param name="FailedAt">When it failed.</param>
public record FenceFailed(
    Guid RecoveryId,
    string VmName,
    Guid CommandId,
    string HostName,
    FenceMethod Method,
    string Reason,
    bool MayHaveTakenEffect,
    IReadOnlyList<string> Commands,
    DateTimeOffset FailedAt);
