using MassTransit;
using Microsoft.Extensions.Logging;
using ThreeRC.Contracts.Provisioning;
using ThreeRC.Inventory.Model;
using ThreeRC.PxeProvisioner.Persistence;
using ThreeRC.PxeProvisioner.Pxelinux;

namespace ThreeRC.PxeProvisioner.Provisioning;

/// <summary>What the installer of a pending reinstall may do with its token: read its configuration, and report completion.</summary>
internal sealed class InstallCallbacks(
    ClusterInventory inventory,
    InstallTokenVerifier verifier,
    TftpRoot tftp,
    IPublishEndpoint publish,
    TimeProvider time,
    ILogger<InstallCallbacks> logger)
{
    /// <summary>The VM's rendered install configuration, or null when the token is not accepted.</summary>
    public async Task<string?> ReadInstallConfigAsync(string vmName, string? token, CancellationToken cancellationToken)
    {
        await using var install = await verifier.VerifyAsync(vmName, token, "serve the install configuration", cancellationToken);
        return install is null ? null : await tftp.ReadAsync(install.PxeConfigFile, cancellationToken);
    }

    /// <summary>
    /// Restores local boot, spends the token and publishes <see cref="InstallCompleted"/>; null when the token is not
    /// accepted, in which case nothing changed.
    /// </summary>
    public async Task<InstallCompleted?> CompleteAsync(string vmName, string? token, CancellationToken cancellationToken)
    {
        await using var install = await verifier.VerifyAsync(vmName, token, "complete the install", cancellationToken);
        if (install is null) return null;

        var now = time.GetUtcNow();
        var localBoot = PxeConfigRenderer.LocalBoot(install.Vm, inventory.ProfileOf(install.Vm));
        await tftp.WriteAsync(install.PxeConfigFile, localBoot, cancellationToken);
        await InstallTokenStore.MarkUsedAsync(install.Transaction, install.Vm.Name, now);
        await install.Transaction.CommitAsync(cancellationToken);

        var completed = new InstallCompleted(install.Token.RecoveryId, install.Vm.Name, now);
        await publish.Publish(completed, cancellationToken);
        logger.LogInformation("The installer of {Vm} called back; {PxeConfigFile} boots from the local disk again (recovery {RecoveryId})",
            install.Vm.Name, install.PxeConfigFile, install.Token.RecoveryId);
        return completed;
    }
}
