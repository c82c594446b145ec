using MassTransit;
using ThreeRC.Api.Feed;
using ThreeRC.Api.Persistence;
using ThreeRC.Contracts.Recovery;

namespace ThreeRC.Api.Consumers.Recovery;

public sealed class FencingHaltedConsumer(FencingBrakeStore brake, EventJournal journal) : IConsumer<FencingHalted>
{
    public async Task Consume(ConsumeContext<FencingHalted> context)
    {
        var message = context.Message;
        await brake.HaltedAsync(message, context.CancellationToken);
        await journal.RecordAsync(context, new EventFacts(message.HaltedAt,
            $"BRAKE: fencing halted, {message.SilentHosts.Count} of {message.PhysicalHosts} physical hosts silent ({string.Join(", ", message.SilentHosts)}): "
            + $"{message.Reason}. No host is fenced and no incident acts until an operator resumes fencing (threerc fencing resume)"));
    }
}
