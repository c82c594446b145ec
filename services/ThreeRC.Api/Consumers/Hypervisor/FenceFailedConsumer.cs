using MassTransit;
using ThreeRC.Api.Feed;
using ThreeRC.Contracts.Hypervisor;

namespace ThreeRC.Api.Consumers.Hypervisor;

public sealed class FenceFailedConsumer(EventJournal journal) : IConsumer<FenceFailed>
{
    public Task Consume(ConsumeContext<FenceFailed> context)
    {
        var message = context.Message;
        return journal.RecordAsync(context, new EventFacts(message.FailedAt,
            $"fencing {message.HostName} by {message.Method} failed: {message.Reason}{MayHaveTakenEffect.Suffix(message.MayHaveTakenEffect)}",
            VmName: message.VmName, HostName: message.HostName, RecoveryId: message.RecoveryId));
    }
}
