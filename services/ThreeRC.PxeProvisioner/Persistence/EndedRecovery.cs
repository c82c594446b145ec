namespace ThreeRC.PxeProvisioner.Persistence;

/// <summary>An incident the orchestrator has ended, as the provisioner remembers it.</summary>
internal sealed record EndedRecovery(Guid RecoveryId, string VmName, string Outcome, DateTimeOffset EndedAt);
