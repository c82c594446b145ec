using MassTransit;
using ThreeRC.Contracts.Monitoring;
using ThreeRC.HypervisorExecutor.Ssh;

namespace ThreeRC.HypervisorExecutor.Consumers;

/// <summary>A VM declared unresponsive: its guest's SSH connection is warmed for the reboot that likely follows.</summary>
internal sealed class WarmGuestConnectionConsumer(GuestConnectionWarmer warmer) : IConsumer<HostUnresponsive>
{
    public Task Consume(ConsumeContext<HostUnresponsive> context) =>
        context.Message.Kind == HostKind.Virtual ? warmer.WarmAsync(context.Message.Name, context.CancellationToken) : Task.CompletedTask;
}
