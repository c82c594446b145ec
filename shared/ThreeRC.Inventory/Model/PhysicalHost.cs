namespace ThreeRC.Inventory.Model;

/// <summary>A physical host running a hypervisor.</summary>
/// <param name="Name">The inventory name.</param>
/// <param name="Address">Its address for SSH.</param>
/// <param name="GangliaName">The name Ganglia reports it under.</param>
/// <param name="Ssh">How to log in to its hypervisor.</param>
/// <param name="Driver">Its virtualization layer.</param>
/// <param name="Cpus">Its CPU count.</param>
/// <param name="MemoryMb">Memory available to VMs, in MiB.</param>
/// <param name="LoadThreshold">Placement sends no VM to it while its five-minute load is at or above this.</param>
/// <param name="MaxVms">The most VMs it may run.</param>
/// <param name="Fencing">Its fencing methods, in the order to try them.</param>
public sealed record PhysicalHost(
    string Name,
    string Address,
    string GangliaName,
    SshEndpoint Ssh,
    HypervisorDriver Driver,
    int Cpus,
    int MemoryMb,
    double LoadThreshold,
    int MaxVms,
    IReadOnlyList<FencingMethod> Fencing)
{
    /// <summary>The libvirt connection of a host that runs the system's VMs as root.</summary>
    public const string SystemLibvirtUri = "qemu:///system";

    /// <summary>
    /// The libvirt connection every virsh command names (<c>-c</c>), so that what the host runs never depends on the
    /// login's default connection: a non-root login would otherwise see only its own qemu:///session.
    /// </summary>
    public string LibvirtUri { get; init; } = SystemLibvirtUri;
}
