using MassTransit;
using ThreeRC.Api.Feed;
using ThreeRC.Contracts.Hypervisor;

namespace ThreeRC.Api.Consumers.Hypervisor;

public sealed class GuestRebootFailedConsumer(EventJournal journal) : IConsumer<GuestRebootFailed>
{
    public Task Consume(ConsumeContext<GuestRebootFailed> context)
    {
        var message = context.Message;
        return journal.RecordAsync(context, new EventFacts(message.FailedAt,
            $"guest reboot of {message.VmName} failed: {message.Reason}{MayHaveTakenEffect.Suffix(message.MayHaveTakenEffect, $"{message.VmName} may be rebooting")}",
            VmName: message.VmName, RecoveryId: message.RecoveryId));
    }
}
