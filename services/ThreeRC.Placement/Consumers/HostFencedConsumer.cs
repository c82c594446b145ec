using MassTransit;
using ThreeRC.Contracts.Hypervisor;
using ThreeRC.Placement.Services;

namespace ThreeRC.Placement.Consumers;

internal sealed class HostFencedConsumer(PlacementService placement) : IConsumer<HostFenced>
{
    public Task Consume(ConsumeContext<HostFenced> context) =>
        placement.RunAsync(engine => engine.HostFenced(context.Message), context.CancellationToken);
}
