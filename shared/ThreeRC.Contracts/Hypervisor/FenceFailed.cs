namespace ThreeRC.Contracts.Hypervisor;

/// <summary>The fencing method could not confirm that the host no longer runs the VM.</summary>
/// <param name="RecoveryId">The incident.</param>
/// <param name="VmName">The VM the fencing was for.</param>
/// <param name="HostName">The physical host.</param>
/// <param name="Method">The method that failed.</param>
/// <param name="Reason">What went wrong, in words.</param>
/// <param name="Commands">The command lines that ran, without secrets.</param>
/// <param name="FailedAt">When it failed.</param>
public record FenceFailed(
    Guid RecoveryId,
    string VmName,
    string HostName,
    FenceMethod Method,
    string Reason,
    IReadOnlyList<string> Commands,
    DateTimeOffset FailedAt);
