namespace ThreeRC.Contracts.Hypervisor;

/// <summary>Reboot a VM's guest operating system over SSH (the first intervention).</summary>
/// <param name="RecoveryId">The incident this command serves.</param>
/// <param name="VmName">The inventory name of the VM.</param>
/// <param name="CommandId">Unique per command: the executor runs one at most once, and its result carries it back.</param>
/// <param name="RequestedAt">When the orchestrator asked.</param>
/// <param name="NotAfter">The executor refuses the command after this time: by then the orchestrator has moved on.</param>
public record RebootGuest(Guid RecoveryId, string VmName, Guid CommandId, DateTimeOffset RequestedAt, DateTimeOffset NotAfter);
