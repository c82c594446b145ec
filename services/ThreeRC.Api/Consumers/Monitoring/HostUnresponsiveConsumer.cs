using MassTransit;
using ThreeRC.Api.Feed;
using ThreeRC.Api.Persistence;
using ThreeRC.Contracts.Monitoring;

namespace ThreeRC.Api.Consumers.Monitoring;

public sealed class HostUnresponsiveConsumer(MonitorStateStore states, EventJournal journal) : IConsumer<HostUnresponsive>
{
    public async Task Consume(ConsumeContext<HostUnresponsive> context)
    {
        var message = context.Message;
        await states.SetAsync(message.Kind, new MonitorState
        {
            Name = message.Name,
            State = MonitorStatus.Down,
            StateSince = message.DetectedAt,
            LastHeardAt = message.LastHeardAt,
            Reason = message.Reason,
        }, context.CancellationToken);
        await journal.RecordAsync(context, EventFacts.About(message.Kind, message.Name, message.DetectedAt,
            $"{message.Name} stopped reporting: {message.Reason}"));
    }
}
