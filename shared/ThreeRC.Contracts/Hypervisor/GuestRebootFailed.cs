namespace ThreeRC.Contracts.Hypervisor;

/// <summary>The guest could not be rebooted: unreachable, refused, or the command failed.</summary>
/// <param name="RecoveryId">The incident.</param>
/// <param name="VmName">The inventory name of the VM.</param>
/// <param name="Reason">What went wrong, in words.</param>
/// <param name="Command">The command line that was tried, if one was.</param>
/// <param name="FailedAt">When it failed.</param>
public record GuestRebootFailed(Guid RecoveryId, string VmName, string Reason, string? Command, DateTimeOffset FailedAt);
