using System.Globalization;
using MassTransit;
using ThreeRC.Api.Feed;
using ThreeRC.Api.Persistence;
using ThreeRC.Contracts.Monitoring;

namespace ThreeRC.Api.Consumers.Monitoring;

public sealed class HostLoadReportedConsumer(HostLoadStore loads, EventJournal journal) : IConsumer<HostLoadReported>
{
    public async Task Consume(ConsumeContext<HostLoadReported> context)
    {
        var message = context.Message;
        await loads.SetAsync(message.Hosts, message.ReportedAt, context.CancellationToken);
        var figures = message.Hosts.Select(host => string.Create(CultureInfo.InvariantCulture, $"{host.HostName} {host.LoadFive:0.00}"));
        await journal.RecordAsync(context, new EventFacts(message.ReportedAt, $"load_five: {string.Join(", ", figures)}"));
    }
}
