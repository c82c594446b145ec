using MassTransit;
using ThreeRC.Api.Feed;
using ThreeRC.Api.Persistence;
using ThreeRC.Contracts.Recovery;

namespace ThreeRC.Api.Consumers.Recovery;

public sealed class FencingResumedConsumer(FencingBrakeStore brake, EventJournal journal) : IConsumer<FencingResumed>
{
    public async Task Consume(ConsumeContext<FencingResumed> context)
    {
        var message = context.Message;
        await brake.ResumedAsync(message, context.CancellationToken);
        await journal.RecordAsync(context, new EventFacts(message.ResumedAt,
            $"{message.ResumedBy} resumed fencing: {message.Reason}. The incidents the brake held go on"));
    }
}
