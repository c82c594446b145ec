namespace ThreeRC.Testing.DataCentre;

/// <summary>A VM whose pxelinux entry starts an installer, and the incident its "# recovery:" line names (null when none).</summary>
public sealed record InstallerEntry(string Vm, Guid? RecoveryId);

/// <summary>
/// The VMs' pxelinux entries as they are on disk in the TFTP root, for checks such as the crash campaign's "entries
/// left on the installer after their incident ended". An entry starts an installer when it has a KERNEL line (a
/// local-boot entry has LOCALBOOT instead).
/// </summary>
internal static class PxelinuxEntries
{
    private const string RecoveryLine = "# recovery: ";

    public static IReadOnlyList<InstallerEntry> OnInstaller(string tftpRoot, IEnumerable<EmulatedVm> vms) =>
    [
        .. vms.Select(vm => (vm.Name, Lines: Read(Path.Combine(tftpRoot, vm.PxelinuxFile))))
            .Where(entry => entry.Lines.Any(line => line.StartsWith("KERNEL ", StringComparison.Ordinal)))
            .Select(entry => new InstallerEntry(entry.Name, RecoveryOf(entry.Lines))),
    ];

    private static string[] Read(string file) =>
        File.Exists(file) ? File.ReadAllLines(file).Select(line => line.Trim()).ToArray() : [];

    private static Guid? RecoveryOf(IEnumerable<string> lines) =>
        lines.FirstOrDefault(line => line.StartsWith(RecoveryLine, StringComparison.Ordinal)) is { } line
        && Guid.TryParse(line[RecoveryLine.Length..], out var id)
            ? id
            : null;
}
