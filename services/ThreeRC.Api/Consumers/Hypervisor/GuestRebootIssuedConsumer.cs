using MassTransit;
using ThreeRC.Api.Feed;
using ThreeRC.Contracts.Hypervisor;

namespace ThreeRC.Api.Consumers.Hypervisor;

public sealed class GuestRebootIssuedConsumer(EventJournal journal) : IConsumer<GuestRebootIssued>
{
    public Task Consume(ConsumeContext<GuestRebootIssued> context)
    {
        var message = context.Message;
        return journal.RecordAsync(context, new EventFacts(message.IssuedAt, $"reboot command ran: {message.Command}",
            VmName: message.VmName, RecoveryId: message.RecoveryId));
    }
}
