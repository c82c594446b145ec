using MassTransit;
using ThreeRC.Contracts.Placement;

namespace ThreeRC.Placement.Engine;

/// <summary>The one answer to a <see cref="PlaceVm"/>: a reservation, or no capacity (queued or not).</summary>
internal sealed record PlacementAnswer(VmPlaced? Placed, NoCapacity? Refused)
{
    public static implicit operator PlacementAnswer(VmPlaced placed) => new(placed, null);

    public static implicit operator PlacementAnswer(NoCapacity refused) => new(null, refused);

    public Task PublishAsync(IPublishEndpoint endpoint, CancellationToken cancellationToken) =>
        Placed is not null ? endpoint.Publish(Placed, cancellationToken) : endpoint.Publish(Refused!, cancellationToken);
}
