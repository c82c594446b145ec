using MassTransit;
using ThreeRC.Api.Feed;
using ThreeRC.Contracts.Placement;

namespace ThreeRC.Api.Consumers.Placement;

public sealed class VmPlacedConsumer(EventJournal journal) : IConsumer<VmPlaced>
{
    public Task Consume(ConsumeContext<VmPlaced> context)
    {
        var message = context.Message;
        return journal.RecordAsync(context, new EventFacts(message.PlacedAt,
            $"placement chose {message.HostName} for {message.VmName}: {message.Reason}",
            VmName: message.VmName, HostName: message.HostName, RecoveryId: message.RecoveryId));
    }
}
