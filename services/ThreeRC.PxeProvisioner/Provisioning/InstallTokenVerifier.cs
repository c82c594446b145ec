using Microsoft.Extensions.Logging;
using ThreeRC.Inventory.Model;
using ThreeRC.PxeProvisioner.Persistence;
using ThreeRC.PxeProvisioner.Pxelinux;

namespace ThreeRC.PxeProvisioner.Provisioning;

/// <summary>
/// Checks an installer's token against the VM's latest reinstall inside a write transaction, so that two
/// call-backs with one token cannot both pass. A refused token changes nothing; the reason is logged, not told.
/// </summary>
internal sealed class InstallTokenVerifier(ClusterInventory inventory, PxeDatabase database, TimeProvider time, ILogger<InstallTokenVerifier> logger)
{
    public async Task<VerifiedInstall?> VerifyAsync(string vmName, string? token, string action, CancellationToken cancellationToken)
    {
        var vm = inventory.FindVm(vmName);
        if (vm is null)
        {
            logger.LogWarning("Refused to {Action} for a VM that is not in the inventory", action);
            return null;
        }

        var connection = await database.OpenAsync(cancellationToken);
        var write = await database.BeginWriteAsync(connection, cancellationToken);
        var issued = await InstallTokenStore.FindAsync(write.Transaction, vm.Name);
        var hasFile = PxeConfigFile.TryFor(vm.Mac, out var file);
        var refusal = string.IsNullOrEmpty(token) ? "the request carries no token"
            : !hasFile ? $"its MAC '{vm.Mac}' is not valid"
            : issued is null ? "no reinstall was prepared for it"
            : issued.Refusal(token, time.GetUtcNow());
        if (refusal is null) return new VerifiedInstall(vm, file!, issued!, connection, write);

        logger.LogWarning("Refused to {Action} for {Vm}: {Reason}", action, vm.Name, refusal);
        await write.DisposeAsync();
        await connection.DisposeAsync();
        return null;
    }
}
