using MassTransit;
using ThreeRC.Api.Feed;
using ThreeRC.Contracts.Recovery;

namespace ThreeRC.Api.Consumers.Recovery;

/// <summary>Streams the requests (the orchestrator's for a lost host, the operators'); the incident itself comes with RecoveryStarted.</summary>
public sealed class RecoveryRequestedConsumer(EventJournal journal) : IConsumer<RecoveryRequested>
{
    public Task Consume(ConsumeContext<RecoveryRequested> context)
    {
        var message = context.Message;
        return journal.RecordAsync(context, new EventFacts(message.RequestedAt,
            $"{message.RequestedBy} asked to recover {message.VmName} from {message.StartLevel}: {message.Reason}",
            VmName: message.VmName, HostName: message.LostHost));
    }
}
