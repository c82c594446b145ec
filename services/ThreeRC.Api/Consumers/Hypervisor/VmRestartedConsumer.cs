using MassTransit;
using ThreeRC.Api.Feed;
using ThreeRC.Api.Persistence;
using ThreeRC.Contracts.Hypervisor;

namespace ThreeRC.Api.Consumers.Hypervisor;

public sealed class VmRestartedConsumer(VmLocationStore locations, EventJournal journal) : IConsumer<VmRestarted>
{
    public async Task Consume(ConsumeContext<VmRestarted> context)
    {
        var message = context.Message;
        await locations.MoveAsync(message.VmName, message.HostName, message.RestartedAt, context.CancellationToken);
        await journal.RecordAsync(context, new EventFacts(message.RestartedAt, $"{message.VmName} runs on {message.HostName}",
            VmName: message.VmName, HostName: message.HostName, RecoveryId: message.RecoveryId));
    }
}
