using MassTransit;
using ThreeRC.Contracts.Monitoring;
using ThreeRC.Orchestrator.Persistence;

namespace ThreeRC.Orchestrator.Consumers;

/// <summary>A physical host reports again: incidents of its VMs need no longer skip the guest reboot.</summary>
public sealed class PhysicalHostReturnedConsumer(HostStatusStore hosts) : IConsumer<HostResponsive>
{
    public Task Consume(ConsumeContext<HostResponsive> context) =>
        context.Message.Kind == HostKind.Physical ? hosts.SetDownAsync(context.Message.Name, down: false) : Task.CompletedTask;
}
