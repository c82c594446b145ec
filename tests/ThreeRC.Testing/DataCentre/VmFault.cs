namespace ThreeRC.Testing.DataCentre;

/// <summary>What is wrong with an emulated VM, in the paper's kinds of crash.</summary>
public enum VmFault
{
    None,

    /// <summary>The guest crashed or is overloaded: a guest reboot brings it back.</summary>
    Crashed,

    /// <summary>The guest hangs: it takes the reboot command but never comes back; only a restart of the VM does.</summary>
    Hung,

    /// <summary>Its /boot is erased: it boots again only after a reinstall over PXE.</summary>
    Destroyed,
}
