namespace ThreeRC.Contracts.Hypervisor;

/// <summary>
/// Power-cycle a VM through the hypervisor of a physical host: stop it there if it still runs, register it
/// from its shared definition if the host does not know it, start it, and verify it runs.
/// </summary>
/// <param name="RecoveryId">The incident this command serves.</param>
/// <param name="VmName">The inventory name of the VM.</param>
/// <param name="CommandId">Unique per command: the executor runs one at most once, and its result carries it back.</param>
/// <param name="HostName">The physical host to start it on.</param>
/// <param name="PreviousHost">The host it ran on before, when that is another host (already fenced).</param>
/// <param name="RequestedAt">When the orchestrator asked.</param>
/// <param name="NotAfter">The executor refuses the command after this time: by then the orchestrator has moved on.</param>
public record RestartVm(Guid RecoveryId, string VmName, Guid CommandId, string HostName, string? PreviousHost, DateTimeOffset RequestedAt, DateTimeOffset NotAfter);
