using MassTransit;
using ThreeRC.Contracts.Hypervisor;
using ThreeRC.Placement.Services;

namespace ThreeRC.Placement.Consumers;

internal sealed class VmRestartedConsumer(PlacementService placement) : IConsumer<VmRestarted>
{
    public async Task Consume(ConsumeContext<VmRestarted> context)
    {
        var placed = await placement.RunAsync((engine, now) => engine.Restarted(context.Message, now), context.CancellationToken);
        await context.PublishBatch(placed, context.CancellationToken);
    }
}
