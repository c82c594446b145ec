using ThreeRC.HypervisorExecutor.Commands;
using ThreeRC.Inventory.Model;

namespace ThreeRC.HypervisorExecutor.Drivers;

/// <summary>The driver of a host, bound to what it needs of the host (libvirt: its connection URI, checked here).</summary>
internal sealed class HypervisorDrivers
{
    private static readonly EsxiDriver Esxi = new();

    public IHypervisorDriver For(PhysicalHost host) => host.Driver switch
    {
        HypervisorDriver.Libvirt => new LibvirtDriver(SafeValue.LibvirtUri(host.LibvirtUri, $"libvirtUri of host {host.Name}")),
        HypervisorDriver.Esxi => Esxi,
        _ => throw new InvalidOperationException($"no driver for {host.Driver} (host {host.Name})"),
    };
}
