using MassTransit;
using ThreeRC.Contracts.Monitoring;
using ThreeRC.Placement.Services;

namespace ThreeRC.Placement.Consumers;

internal sealed class HostUnresponsiveConsumer(PlacementService placement) : IConsumer<HostUnresponsive>
{
    public Task Consume(ConsumeContext<HostUnresponsive> context) =>
        placement.RunAsync(engine => engine.HostDown(context.Message), context.CancellationToken);
}
