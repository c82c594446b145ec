using MassTransit;
using ThreeRC.Contracts.Monitoring;
using ThreeRC.HypervisorExecutor.Ssh;
using ThreeRC.Inventory.Model;

namespace ThreeRC.HypervisorExecutor.Consumers;

/// <summary>
/// A machine that reports to Ganglia again is logged in to at once, its old connection having died with it: a
/// physical host because the VMs of the next host lost are often started on it, a guest because its next reboot
/// should not wait for a key exchange.
/// </summary>
internal sealed class ReturnedHostConsumer(ClusterInventory inventory, LoginCheck loginCheck) : IConsumer<HostResponsive>
{
    public Task Consume(ConsumeContext<HostResponsive> context) => context.Message switch
    {
        { Kind: HostKind.Physical, Name: var name } when inventory.FindHost(name) is { } host => loginCheck.CheckAsync(host, context.CancellationToken),
        { Kind: HostKind.Virtual, Name: var name } when inventory.FindVm(name) is { } vm => loginCheck.CheckAsync(vm, context.CancellationToken),
        _ => Task.CompletedTask,
    };
}
