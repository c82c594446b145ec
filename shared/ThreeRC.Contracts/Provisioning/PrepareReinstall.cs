namespace ThreeRC.Contracts.Provisioning;

/// <summary>Point the VM's pxelinux entry at its install profile so that its next boot reinstalls it.</summary>
/// <param name="RecoveryId">The incident this command serves; the entry goes back to local boot when it ends.</param>
/// <param name="VmName">The inventory name of the VM.</param>
/// <param name="CommandId">Unique per command; the provisioner's answer carries it back.</param>
/// <param name="Profile">The install profile named by the inventory.</param>
/// <param name="RequestedAt">When the orchestrator asked.</param>
/// <param name="NotAfter">The provisioner refuses the command after this time: by then the orchestrator has moved on.</param>
public record PrepareReinstall(Guid RecoveryId, string VmName, Guid CommandId, string Profile, DateTimeOffset RequestedAt, DateTimeOffset NotAfter);
