using MassTransit;
using ThreeRC.Api.Feed;
using ThreeRC.Api.Persistence;
using ThreeRC.Contracts.Recovery;

namespace ThreeRC.Api.Consumers.Recovery;

public sealed class RecoveryStartedConsumer(RecoveryStore recoveries, EventJournal journal) : IConsumer<RecoveryStarted>
{
    public async Task Consume(ConsumeContext<RecoveryStarted> context)
    {
        var message = context.Message;
        await recoveries.StartAsync(message, context.CancellationToken);
        await journal.RecordAsync(context, new EventFacts(message.StartedAt,
            $"incident began for {message.VmName} at {message.StartLevel}: {message.Trigger}",
            VmName: message.VmName, RecoveryId: message.RecoveryId));
    }
}
