using MassTransit;
using ThreeRC.Api.Feed;
using ThreeRC.Api.Persistence;
using ThreeRC.Contracts.Hypervisor;
using ThreeRC.Contracts.Monitoring;

namespace ThreeRC.Api.Consumers.Hypervisor;

/// <summary>IPMI fencing powers the whole host off; hypervisor fencing only shuts the VM off there.</summary>
public sealed class HostFencedConsumer(MonitorStateStore states, EventJournal journal) : IConsumer<HostFenced>
{
    public async Task Consume(ConsumeContext<HostFenced> context)
    {
        var message = context.Message;
        if (message.Method == FenceMethod.Ipmi)
            await states.SetAsync(HostKind.Physical, new MonitorState
            {
                Name = message.HostName,
                State = MonitorStatus.Fenced,
                StateSince = message.FencedAt,
                Reason = $"powered off through its BMC for {message.VmName}",
            }, context.CancellationToken);
        await journal.RecordAsync(context, new EventFacts(message.FencedAt,
            $"{message.HostName} fenced by {message.Method}: it no longer runs {message.VmName}",
            VmName: message.VmName, HostName: message.HostName, RecoveryId: message.RecoveryId));
    }
}
