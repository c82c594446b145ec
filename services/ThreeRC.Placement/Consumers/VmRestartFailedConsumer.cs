using MassTransit;
using ThreeRC.Contracts.Hypervisor;
using ThreeRC.Placement.Services;

namespace ThreeRC.Placement.Consumers;

internal sealed class VmRestartFailedConsumer(PlacementService placement) : IConsumer<VmRestartFailed>
{
    public async Task Consume(ConsumeContext<VmRestartFailed> context)
    {
        var placed = await placement.RunAsync((engine, now) => engine.RestartFailed(context.Message, now), context.CancellationToken);
        await context.PublishBatch(placed, context.CancellationToken);
    }
}
