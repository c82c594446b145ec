using MassTransit;
using ThreeRC.Contracts.Monitoring;
using ThreeRC.Placement.Services;

namespace ThreeRC.Placement.Consumers;

internal sealed class HostLoadReportedConsumer(PlacementService placement) : IConsumer<HostLoadReported>
{
    public async Task Consume(ConsumeContext<HostLoadReported> context)
    {
        var placed = await placement.RunAsync((engine, now) => engine.RecordLoads(context.Message, now), context.CancellationToken);
        await context.PublishBatch(placed, context.CancellationToken);
    }
}
