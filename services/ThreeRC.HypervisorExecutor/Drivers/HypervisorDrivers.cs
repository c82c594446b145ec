using ThreeRC.Inventory.Model;

namespace ThreeRC.HypervisorExecutor.Drivers;

/// <summary>The registered drivers, by the inventory's driver name.</summary>
internal sealed class HypervisorDrivers(IEnumerable<IHypervisorDriver> drivers)
{
    private readonly Dictionary<HypervisorDriver, IHypervisorDriver> _byKind = drivers.ToDictionary(d => d.Kind);

    public IHypervisorDriver For(PhysicalHost host) =>
        _byKind.GetValueOrDefault(host.Driver) ?? throw new InvalidOperationException($"no driver for {host.Driver} (host {host.Name})");
}
