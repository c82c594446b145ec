using ThreeRC.Inventory.Model;
using ThreeRC.PxeProvisioner.Pxelinux;

namespace ThreeRC.PxeProvisioner.Provisioning;

/// <summary>A VM's entry that starts the installer, and the incident that armed it when the entry names one.</summary>
internal sealed record ArmedEntry(VirtualMachine Vm, string PxeConfigFile, Guid? ArmedBy);

/// <summary>Finds the entries on disk that start the installer.</summary>
internal sealed class ArmedEntries(TftpRoot tftp)
{
    /// <summary>The VM's entry when it starts the installer; null when it boots locally, is missing or the MAC is invalid.</summary>
    public async Task<ArmedEntry?> FindAsync(VirtualMachine vm, CancellationToken cancellationToken) =>
        PxeConfigFile.TryFor(vm.Mac, out var file)
        && InstallerEntry.StartsInstaller(await tftp.ReadAsync(file, cancellationToken), out var armedBy)
            ? new ArmedEntry(vm, file, armedBy)
            : null;
}
