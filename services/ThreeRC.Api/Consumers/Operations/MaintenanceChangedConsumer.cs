using MassTransit;
using ThreeRC.Api.Feed;
using ThreeRC.Api.Persistence;
using ThreeRC.Contracts.Operations;

namespace ThreeRC.Api.Consumers.Operations;

public sealed class MaintenanceChangedConsumer(MaintenanceStore maintenance, EventJournal journal) : IConsumer<MaintenanceChanged>
{
    public async Task Consume(ConsumeContext<MaintenanceChanged> context)
    {
        var message = context.Message;
        await maintenance.SetAsync(message, context.CancellationToken);
        var (verb, into) = message.InMaintenance ? ("put", "into") : ("took", "out of");
        var subject = $"{message.Target.ToString().ToLowerInvariant()} {message.Name}";
        await journal.RecordAsync(context, new EventFacts(message.ChangedAt,
            $"{message.ChangedBy} {verb} {subject} {into} maintenance: {message.Reason}",
            VmName: message.Target == MaintenanceTarget.Vm ? message.Name : null,
            HostName: message.Target == MaintenanceTarget.Host ? message.Name : null));
    }
}
