using System.Diagnostics.CodeAnalysis;
using ThreeRC.Inventory;

namespace ThreeRC.PxeProvisioner.Pxelinux;

/// <summary>
/// The pxelinux configuration file of one MAC address: pxelinux.cfg/01-&lt;mac&gt;, "01" being the ARP type of
/// Ethernet. File names are made from validated MACs only, so no name can leave pxelinux.cfg/.
/// </summary>
internal static class PxeConfigFile
{
    public const string Folder = "pxelinux.cfg";

    /// <summary>The file's path relative to the TFTP root, or false when <paramref name="mac"/> is not a valid MAC.</summary>
    public static bool TryFor(string? mac, [NotNullWhen(true)] out string? relativePath)
    {
        relativePath = mac is not null && InventoryPatterns.Mac().IsMatch(mac)
            ? $"{Folder}/01-{mac.Replace(':', '-')}"
            : null;
        return relativePath is not null;
    }
}
