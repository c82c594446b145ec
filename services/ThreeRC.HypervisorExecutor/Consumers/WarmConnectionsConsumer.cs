using MassTransit;
using ThreeRC.Contracts.Monitoring;
using ThreeRC.HypervisorExecutor.Ssh;
using ThreeRC.Inventory.Model;

namespace ThreeRC.HypervisorExecutor.Consumers;

/// <summary>
/// Opens the SSH connections the next commands will most likely need: a VM declared unresponsive, its guest's, for
/// the reboot; a physical host that reports again, its own, for the VMs that may be started on it.
/// </summary>
internal sealed class WarmConnectionsConsumer(ClusterInventory inventory, GuestConnectionWarmer guests, HostLoginCheck hosts)
    : IConsumer<HostUnresponsive>, IConsumer<HostResponsive>
{
    public Task Consume(ConsumeContext<HostUnresponsive> context) =>
        context.Message.Kind == HostKind.Virtual ? guests.WarmAsync(context.Message.Name, context.CancellationToken) : Task.CompletedTask;

    public Task Consume(ConsumeContext<HostResponsive> context) =>
        context.Message.Kind == HostKind.Physical && inventory.FindHost(context.Message.Name) is { } host
            ? hosts.CheckAsync(host, context.CancellationToken)
            : Task.CompletedTask;
}
