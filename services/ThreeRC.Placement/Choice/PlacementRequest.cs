using ThreeRC.Inventory.Model;

namespace ThreeRC.Placement.Choice;

/// <summary>One VM to place.</summary>
/// <param name="Vm">The VM, from the inventory.</param>
/// <param name="Driver">Its home host's hypervisor driver: the only one it can run under.</param>
/// <param name="CurrentHost">Where the VM→host map puts it now.</param>
/// <param name="MustRelocate">True when its current host is lost and must not be chosen.</param>
/// <param name="FailedHosts">Hosts where a restart of this VM failed a moment ago.</param>
internal sealed record PlacementRequest(VirtualMachine Vm, HypervisorDriver? Driver, string? CurrentHost, bool MustRelocate, IReadOnlySet<string> FailedHosts)
{
    public bool IsLostHost(string hostName) => MustRelocate && hostName == CurrentHost;
}
