using ThreeRC.Contracts.Placement;

namespace ThreeRC.Placement.Model;

/// <summary>Room held for a VM on a host from placement until the restart's result (or the expiry).</summary>
internal sealed record Reservation
{
    public required Guid RecoveryId { get; init; }

    /// <summary>The request of the incident this answers (<see cref="PlaceVm.RequestId"/>).</summary>
    public Guid? RequestId { get; init; }

    public required string VmName { get; init; }

    public required string HostName { get; init; }

    public string? PreviousHost { get; init; }

    public required string Reason { get; init; }

    public required DateTimeOffset PlacedAt { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    public VmPlaced ToMessage() => new(RecoveryId, VmName, HostName, PreviousHost, Reason, PlacedAt, RequestId);
}
