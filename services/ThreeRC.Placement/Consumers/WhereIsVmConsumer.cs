using MassTransit;
using ThreeRC.Contracts.Placement;
using ThreeRC.Placement.Services;

namespace ThreeRC.Placement.Consumers;

internal sealed class WhereIsVmConsumer(PlacementService placement) : IConsumer<WhereIsVm>
{
    public async Task Consume(ConsumeContext<WhereIsVm> context) =>
        await context.RespondAsync(await placement.RunAsync(engine => engine.Locate(context.Message), context.CancellationToken));
}
