namespace ThreeRC.Lab.Simulation;

/// <summary>The kinds of crash the paper's campaign injected, and what recovers each.</summary>
public enum CrashKind
{
    /// <summary>A guest crash or overload: a guest reboot recovers it.</summary>
    GuestCrash,

    /// <summary>A hung guest: only a restart through the hypervisor recovers it.</summary>
    GuestHang,

    /// <summary>A physical host loses power: its VMs are restarted elsewhere after it is fenced.</summary>
    HostPowerLoss,

    /// <summary>/boot erased: only a reinstall recovers it.</summary>
    Destructive,
}
