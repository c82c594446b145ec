using System.Text.RegularExpressions;

namespace ThreeRC.Node.Lab.Simulation;

/// <summary>
/// Reads a VM's entry in the real TFTP root the PXE provisioner writes (<c>pxelinux.cfg/01-&lt;mac&gt;</c>): an entry
/// that boots the installer carries the call-back URL and token the lab's install profile puts on its kernel
/// command line, as a real installer would read them from <c>/proc/cmdline</c>.
/// </summary>
public sealed partial class PxelinuxBootSource(string tftpRoot) : IPxeBootSource
{
    public InstallOrder? InstallOrderFor(SimulatedVm vm)
    {
        var file = Path.Combine(tftpRoot, "pxelinux.cfg", "01-" + vm.Mac.Replace(':', '-'));
        if (!File.Exists(file)) return null;
        var entry = File.ReadAllText(file);
        var callback = Callback().Match(entry);
        var token = Token().Match(entry);
        return callback.Success && token.Success && Uri.TryCreate(callback.Groups[1].Value, UriKind.Absolute, out var url)
            ? new InstallOrder(vm.Name, url, token.Groups[1].Value)
            : null;
    }

    [GeneratedRegex(@"threerc\.callback=(\S+)")]
    private static partial Regex Callback();

    [GeneratedRegex(@"threerc\.token=(\S+)")]
    private static partial Regex Token();
}
