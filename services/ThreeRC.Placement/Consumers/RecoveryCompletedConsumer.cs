using MassTransit;
using ThreeRC.Contracts.Recovery;
using ThreeRC.Placement.Services;

namespace ThreeRC.Placement.Consumers;

internal sealed class RecoveryCompletedConsumer(PlacementService placement) : IConsumer<RecoveryCompleted>
{
    public async Task Consume(ConsumeContext<RecoveryCompleted> context)
    {
        var placed = await placement.RunAsync((engine, now) => engine.Completed(context.Message, now), context.CancellationToken);
        await context.PublishBatch(placed, context.CancellationToken);
    }
}
