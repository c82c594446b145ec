namespace ThreeRC.Inventory.Model;

/// <summary>How a VM is reinstalled over PXE.</summary>
/// <param name="Name">The profile's name.</param>
/// <param name="Kernel">The installer kernel, relative to the TFTP root.</param>
/// <param name="Initrd">The installer initrd, relative to the TFTP root.</param>
/// <param name="Append">The kernel command line; {vm}, {mac}, {role}, {callback} and {token} are filled in.</param>
/// <param name="Role">The role the post-install step installs (the paper's HINFO field).</param>
public sealed record InstallProfile(string Name, string Kernel, string Initrd, string Append, string Role);
