namespace ThreeRC.Testing.Libvirt;

/// <summary>Opens lab files to the hosts' users: the guests' storage is shared by every host, as a NAS would be.</summary>
internal static class FileModes
{
    public const UnixFileMode Everyone = (UnixFileMode)0b111_111_111;
    public const UnixFileMode EveryoneReadsWrites = (UnixFileMode)0b110_110_110;
    public const UnixFileMode EveryoneReads = (UnixFileMode)0b111_101_101;

    public static void Set(string path, UnixFileMode mode)
    {
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, mode);
    }
}
