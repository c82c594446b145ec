namespace ThreeRC.Lab.Simulation;

/// <summary>The state of a simulated guest operating system.</summary>
public enum GuestCondition
{
    /// <summary>Running and heartbeating to Ganglia.</summary>
    Running,

    /// <summary>Booting: it heartbeats once its boot time has passed.</summary>
    Booting,

    /// <summary>Crashed or overloaded: silent, but its SSH still answers, so a guest reboot recovers it.</summary>
    Crashed,

    /// <summary>Hung: silent and unreachable while its domain still runs; only a hypervisor restart recovers it.</summary>
    Hung,

    /// <summary>Its /boot is erased: it cannot boot from disk; only a reinstall recovers it.</summary>
    Destroyed,

    /// <summary>Installing from the network; it calls the provisioner back when done.</summary>
    Installing,

    /// <summary>Its domain is not running.</summary>
    Off,
}
