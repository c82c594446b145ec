using MassTransit;
using ThreeRC.Contracts.Recovery;
using ThreeRC.Monitor.Detection;

namespace ThreeRC.Monitor.Consumers;

/// <summary>An incident opened for a VM: its next heartbeat after that moment is news for the orchestrator.</summary>
internal sealed class RecoveryStartedConsumer(HostBoard hosts) : IConsumer<RecoveryStarted>
{
    public Task Consume(ConsumeContext<RecoveryStarted> context)
    {
        hosts.IncidentStarted(context.Message.VmName, context.Message.StartedAt);
        return Task.CompletedTask;
    }
}
