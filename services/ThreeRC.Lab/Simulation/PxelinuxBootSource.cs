using ThreeRC.StandIns;

namespace ThreeRC.Lab.Simulation;

/// <summary>
/// Reads a VM's entry in the real TFTP root the PXE provisioner writes (<c>pxelinux.cfg/01-&lt;mac&gt;</c>): an entry
/// that boots the installer carries the call-back URL and token the lab's install profile puts on its kernel
/// command line.
/// </summary>
public sealed class PxelinuxBootSource(string tftpRoot) : IPxeBootSource
{
    public InstallOrder? InstallOrderFor(SimulatedVm vm)
    {
        var file = Path.Combine(tftpRoot, PxelinuxEntry.FileFor(vm.Mac));
        return File.Exists(file) ? InstallOrder.In(File.ReadAllText(file), vm.Name) : null;
    }
}
