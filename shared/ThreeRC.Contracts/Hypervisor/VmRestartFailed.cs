namespace ThreeRC.Contracts.Hypervisor;

/// <summary>
/// The VM could not be restarted on the host. When <paramref name="MayHaveTakenEffect"/> is true the VM may run
/// there all the same: the host must be fenced before the VM starts anywhere else.
/// </summary>
/// <param name="RecoveryId">The incident.</param>
/// <param name="VmName">The inventory name of the VM.</param>
/// <param name="CommandId">The command this answers.</param>
/// <param name="HostName">The physical host that was tried.</param>
/// <param name="Reason">What went wrong, in words.</param>
/// <param name="MayHaveTakenEffect">True when the command may have acted all the same (a timeout or a dropped session after it was sent): treat it as if it did.</param>
/// <param name="Commands">The command lines that ran before the failure.</param>
/// <param name="FailedAt">When it failed.</param>
public record VmRestartFailed(
    Guid RecoveryId,
    string VmName,
    Guid CommandId,
    string HostName,
    string Reason,
    bool MayHaveTakenEffect,
    IReadOnlyList<string> Commands,
    DateTimeOffset FailedAt);
