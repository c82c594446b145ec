using MassTransit;
using ThreeRC.Api.Feed;
using ThreeRC.Api.Persistence;
using ThreeRC.Contracts.Monitoring;

namespace ThreeRC.Api.Consumers.Monitoring;

public sealed class MonitorSourceUnavailableConsumer(MonitorSourceStore sources, EventJournal journal) : IConsumer<MonitorSourceUnavailable>
{
    public async Task Consume(ConsumeContext<MonitorSourceUnavailable> context)
    {
        var message = context.Message;
        await sources.SetAsync(
            new MonitorSource { Source = message.Source, Available = false, Reason = message.Reason, Since = message.DetectedAt },
            context.CancellationToken);
        await journal.RecordAsync(context, new EventFacts(message.DetectedAt, $"Ganglia source {message.Source} cannot be read: {message.Reason}"));
    }
}
