namespace ThreeRC.Testing;

/// <summary>Reads a rendered pxelinux entry as the installer it boots would.</summary>
public static class PxelinuxEntry
{
    /// <summary>The value of a kernel argument such as threerc.token=... on the entry's APPEND line.</summary>
    public static string KernelArgument(string pxelinux, string name) =>
        pxelinux.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .Single(word => word.StartsWith(name + "=", StringComparison.Ordinal))[(name.Length + 1)..];
}
