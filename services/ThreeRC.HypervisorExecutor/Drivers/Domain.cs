namespace ThreeRC.HypervisorExecutor.Drivers;

/// <summary>A VM as one hypervisor knows it.</summary>
/// <param name="Name">The inventory name.</param>
/// <param name="Id">How the hypervisor addresses it: the domain name for libvirt, the vmid for ESXi.</param>
/// <param name="Power">Its power state.</param>
/// <param name="Reported">The state in the hypervisor's own words.</param>
public sealed record Domain(string Name, string Id, PowerState Power, string Reported);
