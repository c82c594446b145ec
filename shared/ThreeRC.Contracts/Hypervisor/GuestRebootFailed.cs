namespace ThreeRC.Contracts.Hypervisor;

/// <summary>The guest could not be rebooted: unreachable, refused, the command failed, or it was refused as too late.</summary>
/// <param name="RecoveryId">The incident.</param>
/// <param name="VmName">The inventory name of the VM.</param>
/// <param name="CommandId">The command this answers.</param>
/// <param name="Reason">What went wrong, in words.</param>
/// <param name="MayHaveTakenEffect">True when the command may have acted all the same (a timeout or a dropped session after it was sent): treat it as if it did.</param>
/// <param name="Command">The command line that was tried, if one was.</param>
/// <param name="FailedAt">When it failed.</param>
public record GuestRebootFailed(Guid RecoveryId, string VmName, Guid CommandId, string Reason, bool MayHaveTakenEffect, string? Command, DateTimeOffset FailedAt);
