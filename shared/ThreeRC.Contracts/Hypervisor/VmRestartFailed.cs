namespace ThreeRC.Contracts.Hypervisor;

/// <summary>The VM could not be restarted on the host.</summary>
/// <param name="RecoveryId">The incident.</param>
/// <param name="VmName">The inventory name of the VM.</param>
/// <param name="HostName">The physical host that was tried.</param>
/// <param name="Reason">What went wrong, in words.</param>
/// <param name="Commands">The command lines that ran before the failure.</param>
/// <param name="FailedAt">When it failed.</param>
public record VmRestartFailed(
    Guid RecoveryId,
    string VmName,
    string HostName,
    string Reason,
    IReadOnlyList<string> Commands,
    DateTimeOffset FailedAt);
