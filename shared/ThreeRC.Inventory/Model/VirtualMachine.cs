namespace ThreeRC.Inventory.Model;

/// <summary>A protected virtual machine.</summary>
/// <param name="Name">The inventory name, also its domain name on the hypervisor.</param>
/// <param name="GangliaName">The name Ganglia reports it under.</param>
/// <param name="Mac">Its boot NIC's MAC, lower case with colons.</param>
/// <param name="Address">The guest's address for SSH.</param>
/// <param name="Ssh">How to log in to the guest.</param>
/// <param name="RebootCommand">The guest's reboot command.</param>
/// <param name="HomeHost">The physical host it runs on when all is well.</param>
/// <param name="MemoryMb">Its memory, in MiB.</param>
/// <param name="Definition">Its definition on shared storage: libvirt domain XML or ESXi .vmx path.</param>
/// <param name="Profile">Its install profile, or null.</param>
/// <param name="ReinstallAllowed">Whether the last intervention, reinstall, may run.</param>
/// <param name="Priority">Higher numbers are placed first when capacity is short.</param>
/// <param name="AntiAffinityGroup">VMs of one group never share a physical host.</param>
public sealed record VirtualMachine(
    string Name,
    string GangliaName,
    string Mac,
    string Address,
    SshEndpoint Ssh,
    string RebootCommand,
    string HomeHost,
    int MemoryMb,
    string Definition,
    string? Profile,
    bool ReinstallAllowed,
    int Priority,
    string? AntiAffinityGroup);
