using System.Data.Common;
using Microsoft.Extensions.Logging;
using ThreeRC.Inventory.Model;
using ThreeRC.PxeProvisioner.Persistence;
using ThreeRC.PxeProvisioner.Pxelinux;

namespace ThreeRC.PxeProvisioner.Provisioning;

/// <summary>
/// Puts an armed entry back to local boot (atomically, as every write) and revokes the token of the incident that
/// armed it, then commits the caller's write transaction and logs the VM, the incident and the reason.
/// </summary>
internal sealed class LocalBootRestorer(ClusterInventory inventory, TftpRoot tftp, TimeProvider time, ILogger<LocalBootRestorer> logger)
{
    public async Task RestoreAsync(
        DbTransaction transaction, VirtualMachine vm, string pxeConfigFile, Guid? armedBy, DisarmReason reason, CancellationToken cancellationToken)
    {
        await tftp.WriteAsync(pxeConfigFile, PxeConfigRenderer.LocalBoot(vm, inventory.ProfileOf(vm)), cancellationToken);
        if (armedBy is { } recoveryId) await InstallTokenStore.RevokeAsync(transaction, vm.Name, recoveryId, time.GetUtcNow(), reason.Text);
        await transaction.CommitAsync(cancellationToken);
        logger.Log(reason.Level, "{PxeConfigFile} boots {Vm} from its local disk again, without the installer (recovery {RecoveryId}): {Reason}",
            pxeConfigFile, vm.Name, armedBy?.ToString() ?? "not named in the entry", reason.Text);
    }
}
