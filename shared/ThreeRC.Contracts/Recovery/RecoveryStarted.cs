namespace ThreeRC.Contracts.Recovery;

/// <summary>An incident began for a VM.</summary>
/// <param name="RecoveryId">The new incident's id, carried by every message it causes.</param>
/// <param name="VmName">The inventory name of the VM.</param>
/// <param name="StartLevel">The first intervention it tries.</param>
/// <param name="Trigger">What started it, in words.</param>
/// <param name="LastHeardAt">When Ganglia last heard from the VM, when known: the best estimate of the crash.</param>
/// <param name="StartedAt">When the incident began.</param>
public record RecoveryStarted(
    Guid RecoveryId,
    string VmName,
    RecoveryLevel StartLevel,
    string Trigger,
    DateTimeOffset? LastHeardAt,
    DateTimeOffset StartedAt);
