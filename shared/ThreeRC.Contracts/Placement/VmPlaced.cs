namespace ThreeRC.Contracts.Placement;

/// <summary>Placement reserved room for the VM on a host. Also published later for a request that waited for capacity.</summary>
/// <param name="RecoveryId">The incident the placement serves.</param>
/// <param name="VmName">The inventory name of the VM.</param>
/// <param name="HostName">The chosen physical host.</param>
/// <param name="PreviousHost">The host the VM ran on according to the VM→host map, if any.</param>
/// <param name="Reason">Why this host, in words (the score or "current host is healthy").</param>
/// <param name="PlacedAt">When the reservation was made.</param>
/// <param name="RequestId">The <see cref="PlaceVm.RequestId"/> this answers: an answer to an earlier request of the
/// incident is stale.</param>
public record VmPlaced(
    Guid RecoveryId,
    string VmName,
    string HostName,
    string? PreviousHost,
    string Reason,
    DateTimeOffset PlacedAt,
    Guid? RequestId = null);
