namespace ThreeRC.Contracts.Hypervisor;

/// <summary>Make sure a physical host no longer runs a VM, with one fencing method, before the VM starts elsewhere.</summary>
/// <param name="RecoveryId">The incident this command serves.</param>
/// <param name="VmName">The VM that is to start elsewhere.</param>
/// <param name="CommandId">Unique per command: the executor runs one at most once, and its result carries it back.</param>
/// <param name="HostName">The physical host to fence.</param>
/// <param name="Method">The fencing method to use, one of the host's methods in the inventory.</param>
/// <param name="Attempt">1 for the first try; retries count up.</param>
/// <param name="RequestedAt">When the orchestrator asked.</param>
/// <param name="NotAfter">The executor refuses the command after this time: by then the orchestrator has moved on.</param>
public record FenceHost(Guid RecoveryId, string VmName, Guid CommandId, string HostName, FenceMethod Method, int Attempt, DateTimeOffset RequestedAt, DateTimeOffset NotAfter);
