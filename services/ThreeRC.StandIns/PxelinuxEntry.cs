namespace ThreeRC.StandIns;

/// <summary>Reads a rendered pxelinux entry as the installer it boots would.</summary>
public static class PxelinuxEntry
{
    /// <summary>The entry's path in a TFTP root for a boot NIC: pxelinux.cfg/01- and the MAC with dashes.</summary>
    public static string FileFor(string mac) => "pxelinux.cfg/01-" + mac.Replace(':', '-');

    /// <summary>The value of a kernel argument such as threerc.token=... on the entry's APPEND line.</summary>
    public static string KernelArgument(string pxelinux, string name) => Values(pxelinux, name).Single();

    /// <summary>The value of the kernel argument, or null when the entry has none (a local-boot entry).</summary>
    public static string? KernelArgumentOrNull(string pxelinux, string name) => Values(pxelinux, name).FirstOrDefault();

    private static IEnumerable<string> Values(string pxelinux, string name) =>
        pxelinux.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Where(word => word.StartsWith(name + "=", StringComparison.Ordinal))
            .Select(word => word[(name.Length + 1)..]);
}
