namespace ThreeRC.Contracts.Provisioning;

/// <summary>The provisioner will not reinstall the VM: reinstall disabled, unknown profile or invalid MAC.</summary>
/// <param name="RecoveryId">The incident.</param>
/// <param name="VmName">The inventory name of the VM.</param>
/// <param name="Reason">Why, in words.</param>
/// <param name="RefusedAt">When it refused.</param>
public record ReinstallRefused(Guid RecoveryId, string VmName, string Reason, DateTimeOffset RefusedAt);
