namespace ThreeRC.Contracts.Hypervisor;

/// <summary>The guest accepted its reboot command (or dropped the connection because it rebooted).</summary>
/// <param name="RecoveryId">The incident.</param>
/// <param name="VmName">The inventory name of the VM.</param>
/// <param name="CommandId">The command this answers.</param>
/// <param name="Command">The command line that ran, as user@address: command.</param>
/// <param name="IssuedAt">When the command ran.</param>
public record GuestRebootIssued(Guid RecoveryId, string VmName, Guid CommandId, string Command, DateTimeOffset IssuedAt);
