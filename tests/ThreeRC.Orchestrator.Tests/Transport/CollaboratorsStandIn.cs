using System.Collections.Concurrent;
using MassTransit;
using ThreeRC.Contracts.Hypervisor;
using ThreeRC.Contracts.Placement;
using ThreeRC.Contracts.Recovery;

namespace ThreeRC.Orchestrator.Tests.Transport;

/// <summary>What the other services would answer: the guest cannot be rebooted, placement keeps the VM home, the restart works.</summary>
public sealed class CollaboratorsStandIn(ConcurrentQueue<object> seen) :
    IConsumer<RebootGuest>, IConsumer<PlaceVm>, IConsumer<RestartVm>, IConsumer<RecoveryCompleted>
{
    public Task Consume(ConsumeContext<RebootGuest> context)
    {
        seen.Enqueue(context.Message);
        return context.Publish(new GuestRebootFailed(context.Message.RecoveryId, context.Message.VmName, context.Message.CommandId, "connection refused", false, null, DateTimeOffset.UtcNow));
    }

    public Task Consume(ConsumeContext<PlaceVm> context)
    {
        seen.Enqueue(context.Message);
        return context.Publish(new VmPlaced(context.Message.RecoveryId, context.Message.VmName, "alfa01", "alfa01", "current host", DateTimeOffset.UtcNow));
    }

    public Task Consume(ConsumeContext<RestartVm> context)
    {
        seen.Enqueue(context.Message);
        return context.Publish(new VmRestarted(context.Message.RecoveryId, context.Message.VmName, context.Message.CommandId, context.Message.HostName, ["virsh start web1"], DateTimeOffset.UtcNow));
    }

    public Task Consume(ConsumeContext<RecoveryCompleted> context)
    {
        seen.Enqueue(context.Message);
        return Task.CompletedTask;
    }
}
