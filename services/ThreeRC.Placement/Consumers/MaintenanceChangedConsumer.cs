using MassTransit;
using ThreeRC.Contracts.Operations;
using ThreeRC.Placement.Services;

namespace ThreeRC.Placement.Consumers;

internal sealed class MaintenanceChangedConsumer(PlacementService placement) : IConsumer<MaintenanceChanged>
{
    public async Task Consume(ConsumeContext<MaintenanceChanged> context)
    {
        var placed = await placement.RunAsync((engine, now) => engine.MaintenanceChanged(context.Message, now), context.CancellationToken);
        await context.PublishBatch(placed, context.CancellationToken);
    }
}
