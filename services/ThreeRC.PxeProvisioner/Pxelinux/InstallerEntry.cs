namespace ThreeRC.PxeProvisioner.Pxelinux;

/// <summary>
/// Reads what <see cref="PxeConfigRenderer"/> wrote: whether an entry starts the installer, and the incident that
/// armed it (its "# recovery:" line).
/// </summary>
internal static class InstallerEntry
{
    private const string RecoveryLine = "# recovery: ";

    /// <summary>Whether <paramref name="content"/> starts the installer; <paramref name="armedBy"/> is its incident when it names one.</summary>
    public static bool StartsInstaller(string? content, out Guid? armedBy)
    {
        armedBy = null;
        if (content is null) return false;
        var lines = content.Split('\n', StringSplitOptions.TrimEntries);
        if (!lines.Contains("DEFAULT install", StringComparer.Ordinal)) return false;
        var recovery = lines.FirstOrDefault(line => line.StartsWith(RecoveryLine, StringComparison.Ordinal));
        armedBy = Guid.TryParse(recovery?[RecoveryLine.Length..], out var id) ? id : null;
        return true;
    }
}
