using ThreeRC.Contracts.Placement;

namespace ThreeRC.Placement.Model;

/// <summary>A placement no host could take; it is retried whenever capacity may have appeared.</summary>
internal sealed record WaitingRequest
{
    public required Guid RecoveryId { get; init; }

    /// <summary>The request of the incident that waits (<see cref="PlaceVm.RequestId"/>).</summary>
    public Guid? RequestId { get; init; }

    public required string VmName { get; init; }

    public required bool MustRelocate { get; init; }

    public required int Priority { get; init; }

    public required DateTimeOffset RequestedAt { get; init; }

    /// <summary>Arrival order at placement: first in, first out within one priority.</summary>
    public required long Sequence { get; init; }

    public required string Reason { get; init; }

    public required DateTimeOffset QueuedAt { get; init; }

    public NoCapacity ToMessage() => new(RecoveryId, VmName, Reason, Queued: true, QueuedAt, RequestId);
}
