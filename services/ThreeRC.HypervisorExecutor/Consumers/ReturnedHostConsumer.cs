using MassTransit;
using ThreeRC.Contracts.Monitoring;
using ThreeRC.HypervisorExecutor.Ssh;
using ThreeRC.Inventory.Model;

namespace ThreeRC.HypervisorExecutor.Consumers;

/// <summary>
/// A physical host that reports to Ganglia again is logged in to at once: the VMs of the next host lost are often
/// started on it, and its old connection died with it.
/// </summary>
internal sealed class ReturnedHostConsumer(ClusterInventory inventory, HostLoginCheck loginCheck) : IConsumer<HostResponsive>
{
    public Task Consume(ConsumeContext<HostResponsive> context) =>
        context.Message.Kind == HostKind.Physical && inventory.FindHost(context.Message.Name) is { } host
            ? loginCheck.CheckAsync(host, context.CancellationToken)
            : Task.CompletedTask;
}
