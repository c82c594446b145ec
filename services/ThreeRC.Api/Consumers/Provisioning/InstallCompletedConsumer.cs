using MassTransit;
using ThreeRC.Api.Feed;
using ThreeRC.Contracts.Provisioning;

namespace ThreeRC.Api.Consumers.Provisioning;

public sealed class InstallCompletedConsumer(EventJournal journal) : IConsumer<InstallCompleted>
{
    public Task Consume(ConsumeContext<InstallCompleted> context)
    {
        var message = context.Message;
        return journal.RecordAsync(context, new EventFacts(message.CompletedAt,
            $"the installer of {message.VmName} called back; it boots from its disk again",
            VmName: message.VmName, RecoveryId: message.RecoveryId));
    }
}
