namespace ThreeRC.Contracts.Provisioning;

/// <summary>The installer called back with its one-time token; the VM's pxelinux entry is back to local boot.</summary>
/// <param name="RecoveryId">The incident.</param>
/// <param name="VmName">The inventory name of the VM.</param>
/// <param name="CompletedAt">When the call-back arrived.</param>
public record InstallCompleted(Guid RecoveryId, string VmName, DateTimeOffset CompletedAt);
