using MassTransit;
using ThreeRC.Contracts.Placement;
using ThreeRC.Placement.Services;

namespace ThreeRC.Placement.Consumers;

internal sealed class GetVmsOnHostConsumer(PlacementService placement) : IConsumer<GetVmsOnHost>
{
    public async Task Consume(ConsumeContext<GetVmsOnHost> context) =>
        await context.RespondAsync(await placement.RunAsync(engine => engine.VmsOn(context.Message), context.CancellationToken));
}
