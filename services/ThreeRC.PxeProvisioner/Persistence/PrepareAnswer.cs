namespace ThreeRC.PxeProvisioner.Persistence;

/// <summary>The answer given to one <c>PrepareReinstall</c>: the file written, or the reason it was refused.</summary>
internal sealed record PrepareAnswer(Guid CommandId, Guid RecoveryId, string VmName, string? PxeConfigFile, string? Refusal, DateTimeOffset AnsweredAt);
