using MassTransit;
using ThreeRC.Contracts.Placement;
using ThreeRC.Placement.Services;

namespace ThreeRC.Placement.Consumers;

internal sealed class PlaceVmConsumer(PlacementService placement) : IConsumer<PlaceVm>
{
    public async Task Consume(ConsumeContext<PlaceVm> context)
    {
        var answer = await placement.RunAsync((engine, now) => engine.Place(context.Message, now), context.CancellationToken);
        await answer.PublishAsync(context, context.CancellationToken);
    }
}
