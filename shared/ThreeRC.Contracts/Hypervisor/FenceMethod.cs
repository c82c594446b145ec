namespace ThreeRC.Contracts.Hypervisor;

/// <summary>How a host is made safe before its VM starts elsewhere.</summary>
public enum FenceMethod
{
    /// <summary>Power the physical host off through its BMC (ipmitool) and confirm it is off.</summary>
    Ipmi,

    /// <summary>Power the VM off through the old host's hypervisor and confirm it is shut off there.</summary>
    Hypervisor,
}
