namespace ThreeRC.Contracts.Provisioning;

/// <summary>Point the VM's pxelinux entry at its install profile so that its next boot reinstalls it.</summary>
/// <param name="RecoveryId">The incident this command serves.</param>
/// <param name="VmName">The inventory name of the VM.</param>
/// <param name="Profile">The install profile named by the inventory.</param>
/// <param name="RequestedAt">When the orchestrator asked.</param>
public record PrepareReinstall(Guid RecoveryId, string VmName, string Profile, DateTimeOffset RequestedAt);
