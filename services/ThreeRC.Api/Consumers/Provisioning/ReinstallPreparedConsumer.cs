using MassTransit;
using ThreeRC.Api.Feed;
using ThreeRC.Contracts.Provisioning;

namespace ThreeRC.Api.Consumers.Provisioning;

public sealed class ReinstallPreparedConsumer(EventJournal journal) : IConsumer<ReinstallPrepared>
{
    public Task Consume(ConsumeContext<ReinstallPrepared> context)
    {
        var message = context.Message;
        return journal.RecordAsync(context, new EventFacts(message.PreparedAt,
            $"{message.PxeConfigFile} now installs profile {message.Profile} on {message.VmName}",
            VmName: message.VmName, RecoveryId: message.RecoveryId));
    }
}
