using MassTransit;
using ThreeRC.Api.Feed;
using ThreeRC.Api.Persistence;
using ThreeRC.Contracts.Monitoring;

namespace ThreeRC.Api.Consumers.Monitoring;

public sealed class HostResponsiveConsumer(MonitorStateStore states, RecoveryStore recoveries, EventJournal journal) : IConsumer<HostResponsive>
{
    public async Task Consume(ConsumeContext<HostResponsive> context)
    {
        var message = context.Message;
        await states.SetAsync(message.Kind, new MonitorState
        {
            Name = message.Name,
            State = MonitorStatus.Up,
            StateSince = message.DetectedAt,
            LastHeardAt = message.LastHeardAt,
            Reason = $"reports to {message.Source}",
        }, context.CancellationToken);
        if (message.Kind == HostKind.Virtual) await recoveries.ReportedAgainAsync(message.Name, message.LastHeardAt, context.CancellationToken);
        await journal.RecordAsync(context, EventFacts.About(message.Kind, message.Name, message.DetectedAt,
            $"{message.Name} reports again"));
    }
}
