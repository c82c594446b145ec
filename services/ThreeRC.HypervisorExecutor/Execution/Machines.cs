using Microsoft.Extensions.Options;
using ThreeRC.HypervisorExecutor.Commands;
using ThreeRC.HypervisorExecutor.Drivers;
using ThreeRC.HypervisorExecutor.Options;
using ThreeRC.HypervisorExecutor.Ssh;
using ThreeRC.Inventory.Model;

namespace ThreeRC.HypervisorExecutor.Execution;

/// <summary>Finds the inventory's VMs and hosts by the names in commands, how to log in to them, and the driver of a host's hypervisor.</summary>
internal sealed class Machines(ClusterInventory inventory, IOptions<ExecutorOptions> options)
{
    private static readonly EsxiDriver Esxi = new();

    public VirtualMachine Vm(string name) =>
        inventory.FindVm(SafeValue.Name(name, "VM name")) ?? throw new ActionFailedException($"no VM named '{name}' in the inventory {inventory.SourceFile}");

    public PhysicalHost Host(string name) =>
        inventory.FindHost(SafeValue.Name(name, "host name")) ?? throw new ActionFailedException($"no host named '{name}' in the inventory {inventory.SourceFile}");

    /// <summary>The driver of the host, bound to what it needs of the host (libvirt: its connection URI, checked here).</summary>
    public static IHypervisorDriver Driver(PhysicalHost host) => host.Driver switch
    {
        HypervisorDriver.Libvirt => new LibvirtDriver(SafeValue.LibvirtUri(host.LibvirtUri, $"libvirtUri of host {host.Name}")),
        HypervisorDriver.Esxi => Esxi,
        _ => throw new InvalidOperationException($"no driver for {host.Driver} (host {host.Name})"),
    };

    public SshTarget Login(PhysicalHost host) => Login(host.Ssh, host.Address, $"host {host.Name}");

    public SshTarget Login(VirtualMachine vm) => Login(vm.Ssh, vm.Address, $"VM {vm.Name}");

    private SshTarget Login(SshEndpoint ssh, string address, string owner) => new(
        SafeValue.User(ssh.User, $"ssh user of {owner}"),
        SafeValue.Address(address, $"address of {owner}"),
        ssh.Port,
        ssh.KeyFile ?? options.Value.Ssh.DefaultKeyFile);
}
