namespace ThreeRC.HypervisorExecutor.Drivers;

/// <summary>What a hypervisor says about a VM's power, in the three kinds an action cares about.</summary>
public enum PowerState
{
    /// <summary>It runs.</summary>
    Running,

    /// <summary>It is off (libvirt: shut off or crashed; ESXi: powered off): it can be started, and it runs nowhere here.</summary>
    Off,

    /// <summary>Anything else (paused, suspended, shutting down): it must be powered off before it is started.</summary>
    Other,
}
