namespace ThreeRC.Contracts.Hypervisor;

/// <summary>Reboot a VM's guest operating system over SSH (the first intervention).</summary>
/// <param name="RecoveryId">The incident this command serves.</param>
/// <param name="VmName">The inventory name of the VM.</param>
/// <param name="RequestedAt">When the orchestrator asked.</param>
public record RebootGuest(Guid RecoveryId, string VmName, DateTimeOffset RequestedAt);
