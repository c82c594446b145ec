using MassTransit;
using ThreeRC.Api.Feed;
using ThreeRC.Contracts.Hypervisor;

namespace ThreeRC.Api.Consumers.Hypervisor;

public sealed class VmRestartFailedConsumer(EventJournal journal) : IConsumer<VmRestartFailed>
{
    public Task Consume(ConsumeContext<VmRestartFailed> context)
    {
        var message = context.Message;
        return journal.RecordAsync(context, new EventFacts(message.FailedAt,
            $"restart of {message.VmName} on {message.HostName} failed: {message.Reason}{MayHaveTakenEffect.Suffix(message.MayHaveTakenEffect, $"{message.VmName} may run on {message.HostName}")}",
            VmName: message.VmName, HostName: message.HostName, RecoveryId: message.RecoveryId));
    }
}
