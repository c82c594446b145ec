namespace ThreeRC.Contracts.Monitoring;

/// <summary>What an inventory name stands for: a physical host (a hypervisor) or a virtual machine.</summary>
public enum HostKind
{
    Physical,
    Virtual,
}
