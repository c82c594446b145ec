using MassTransit;
using ThreeRC.Api.Feed;
using ThreeRC.Contracts.Recovery;

namespace ThreeRC.Api.Consumers.Recovery;

public sealed class FencingAlertConsumer(EventJournal journal) : IConsumer<FencingAlert>
{
    public Task Consume(ConsumeContext<FencingAlert> context)
    {
        var message = context.Message;
        return journal.RecordAsync(context, new EventFacts(message.RaisedAt,
            $"ALERT: no fencing method of {message.HostName} worked after {message.Attempts} attempts ({message.Reason}); {message.VmName} will not start elsewhere until one does",
            VmName: message.VmName, HostName: message.HostName, RecoveryId: message.RecoveryId));
    }
}
