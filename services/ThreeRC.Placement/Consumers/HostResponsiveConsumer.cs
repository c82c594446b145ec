using MassTransit;
using ThreeRC.Contracts.Monitoring;
using ThreeRC.Placement.Services;

namespace ThreeRC.Placement.Consumers;

internal sealed class HostResponsiveConsumer(PlacementService placement) : IConsumer<HostResponsive>
{
    public async Task Consume(ConsumeContext<HostResponsive> context)
    {
        var placed = await placement.RunAsync((engine, now) => engine.HostUp(context.Message, now), context.CancellationToken);
        await context.PublishBatch(placed, context.CancellationToken);
    }
}
