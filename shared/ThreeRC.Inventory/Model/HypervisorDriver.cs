namespace ThreeRC.Inventory.Model;

/// <summary>The virtualization layer of a physical host.</summary>
public enum HypervisorDriver
{
    /// <summary>libvirt/KVM through virsh over SSH.</summary>
    Libvirt,

    /// <summary>VMware ESXi through vim-cmd over SSH.</summary>
    Esxi,
}
