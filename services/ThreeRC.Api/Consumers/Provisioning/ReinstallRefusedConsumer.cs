using MassTransit;
using ThreeRC.Api.Feed;
using ThreeRC.Contracts.Provisioning;

namespace ThreeRC.Api.Consumers.Provisioning;

public sealed class ReinstallRefusedConsumer(EventJournal journal) : IConsumer<ReinstallRefused>
{
    public Task Consume(ConsumeContext<ReinstallRefused> context)
    {
        var message = context.Message;
        return journal.RecordAsync(context, new EventFacts(message.RefusedAt, $"reinstall of {message.VmName} refused: {message.Reason}",
            VmName: message.VmName, RecoveryId: message.RecoveryId));
    }
}
