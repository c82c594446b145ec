namespace ThreeRC.Contracts.Hypervisor;

/// <summary>The hypervisor reports the VM running on the host.</summary>
/// <param name="RecoveryId">The incident.</param>
/// <param name="VmName">The inventory name of the VM.</param>
/// <param name="CommandId">The command this answers.</param>
/// <param name="HostName">The physical host it now runs on.</param>
/// <param name="Commands">The command lines that ran, in order, as user@host: command.</param>
/// <param name="RestartedAt">When the VM was verified running.</param>
public record VmRestarted(Guid RecoveryId, string VmName, Guid CommandId, string HostName, IReadOnlyList<string> Commands, DateTimeOffset RestartedAt);
