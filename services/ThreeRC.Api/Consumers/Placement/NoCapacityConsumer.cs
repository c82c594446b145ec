using MassTransit;
using ThreeRC.Api.Feed;
using ThreeRC.Contracts.Placement;

namespace ThreeRC.Api.Consumers.Placement;

public sealed class NoCapacityConsumer(EventJournal journal) : IConsumer<NoCapacity>
{
    public Task Consume(ConsumeContext<NoCapacity> context)
    {
        var message = context.Message;
        var waits = message.Queued ? "; it waits for capacity" : "; it can never be placed";
        return journal.RecordAsync(context, new EventFacts(message.DecidedAt,
            $"no host can take {message.VmName}: {message.Reason}{waits}",
            VmName: message.VmName, RecoveryId: message.RecoveryId));
    }
}
