using MassTransit;
using ThreeRC.Contracts.Placement;
using ThreeRC.Placement.Services;

namespace ThreeRC.Placement.Consumers;

internal sealed class PreviewPlacementConsumer(PlacementService placement) : IConsumer<PreviewPlacement>
{
    public async Task Consume(ConsumeContext<PreviewPlacement> context) =>
        await context.RespondAsync(await placement.RunAsync(engine => engine.Preview(context.Message), context.CancellationToken));
}
