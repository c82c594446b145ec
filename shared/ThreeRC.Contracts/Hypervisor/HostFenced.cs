namespace ThreeRC.Contracts.Hypervisor;

/// <summary>The host is known not to run the VM: powered off (IPMI), or the VM is confirmed shut off there (hypervisor).</summary>
/// <param name="RecoveryId">The incident.</param>
/// <param name="VmName">The VM the fencing was for.</param>
/// <param name="CommandId">The command this answers.</param>
/// <param name="HostName">The fenced physical host.</param>
/// <param name="Method">The method that succeeded.</param>
/// <param name="Commands">The command lines that ran, without secrets.</param>
/// <param name="FencedAt">When the power status or domain state confirmed it.</param>
public record HostFenced(
    Guid RecoveryId,
    string VmName,
    Guid CommandId,
    string HostName,
    FenceMethod Method,
    IReadOnlyList<string> Commands,
    DateTimeOffset FencedAt);
