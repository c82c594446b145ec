namespace ThreeRC.Contracts.Provisioning;

/// <summary>
/// The provisioner will not reinstall the VM: reinstall disabled, unknown profile, invalid MAC, or the command came
/// too late (past its not-after time, or for an incident that has already ended).
/// </summary>
/// <param name="RecoveryId">The incident.</param>
/// <param name="VmName">The inventory name of the VM.</param>
/// <param name="CommandId">The command this answers.</param>
/// <param name="Reason">Why, in words.</param>
/// <param name="RefusedAt">When it refused.</param>
public record ReinstallRefused(Guid RecoveryId, string VmName, Guid CommandId, string Reason, DateTimeOffset RefusedAt);
