namespace ThreeRC.Contracts.Placement;

/// <summary>No host can take the VM now.</summary>
/// <param name="RecoveryId">The incident the placement serves.</param>
/// <param name="VmName">The inventory name of the VM.</param>
/// <param name="Reason">Why no host qualifies, in words.</param>
/// <param name="Queued">True when the request waits and a <see cref="VmPlaced"/> follows once capacity appears; false when it can never be placed (unknown VM).</param>
/// <param name="DecidedAt">When placement decided.</param>
/// <param name="RequestId">The <see cref="PlaceVm.RequestId"/> this answers.</param>
public record NoCapacity(Guid RecoveryId, string VmName, string Reason, bool Queued, DateTimeOffset DecidedAt, Guid? RequestId = null);
