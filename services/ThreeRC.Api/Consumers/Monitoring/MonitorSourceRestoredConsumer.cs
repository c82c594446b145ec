using MassTransit;
using ThreeRC.Api.Feed;
using ThreeRC.Api.Persistence;
using ThreeRC.Contracts.Monitoring;

namespace ThreeRC.Api.Consumers.Monitoring;

public sealed class MonitorSourceRestoredConsumer(MonitorSourceStore sources, EventJournal journal) : IConsumer<MonitorSourceRestored>
{
    public async Task Consume(ConsumeContext<MonitorSourceRestored> context)
    {
        var message = context.Message;
        await sources.SetAsync(
            new MonitorSource { Source = message.Source, Available = true, Reason = "answers", Since = message.RestoredAt },
            context.CancellationToken);
        await journal.RecordAsync(context, new EventFacts(message.RestoredAt, $"Ganglia source {message.Source} answers again"));
    }
}
