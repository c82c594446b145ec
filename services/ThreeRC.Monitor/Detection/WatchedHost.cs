using ThreeRC.Contracts.Monitoring;
using ThreeRC.Inventory.Model;

namespace ThreeRC.Monitor.Detection;

/// <summary>A host of the inventory the monitor watches: a physical host or a VM, with where to probe its SSH port.</summary>
internal sealed record WatchedHost(string Name, HostKind Kind, string GangliaName, string Address, int SshPort)
{
    public static IReadOnlyList<WatchedHost> From(ClusterInventory inventory) =>
    [
        .. inventory.Hosts.Select(host => new WatchedHost(host.Name, HostKind.Physical, host.GangliaName, host.Address, host.Ssh.Port)),
        .. inventory.Vms.Select(vm => new WatchedHost(vm.Name, HostKind.Virtual, vm.GangliaName, vm.Address, vm.Ssh.Port)),
    ];
}
