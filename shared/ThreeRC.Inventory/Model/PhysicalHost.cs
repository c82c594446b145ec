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
    IReadOnlyList<FencingMethod> Fencing);
