using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ThreeRC.Contracts.Provisioning;
using ThreeRC.Inventory.Model;
using ThreeRC.PxeProvisioner.Options;
using ThreeRC.PxeProvisioner.Persistence;
using ThreeRC.PxeProvisioner.Pxelinux;
using ThreeRC.PxeProvisioner.Tokens;

namespace ThreeRC.PxeProvisioner.Provisioning;

/// <summary>
/// Points a VM's pxelinux entry at its install profile. The new token and the new file change in one transaction:
/// when the file cannot be written, the token is not issued and the old entry stays.
/// </summary>
internal sealed class ReinstallPreparer(
    ClusterInventory inventory,
    IOptions<PxeOptions> options,
    PxeDatabase database,
    TftpRoot tftp,
    TimeProvider time,
    ILogger<ReinstallPreparer> logger)
{
    public async Task<ReinstallOutcome> PrepareAsync(PrepareReinstall command, CancellationToken cancellationToken)
    {
        var plan = ReinstallRules.Check(inventory, options.Value.CallbackBaseUrl, command, out var refusal);
        if (plan is null)
        {
            logger.LogWarning("Refused to reinstall {Vm} (recovery {RecoveryId}): {Reason}", command.VmName, command.RecoveryId, refusal);
            return new ReinstallDenied(refusal!, time.GetUtcNow());
        }

        var token = InstallToken.New();
        var append = AppendTemplate.Render(plan.Profile, plan.Vm, plan.CallbackUrl, token);
        var stanza = PxeConfigRenderer.Install(plan.Vm, plan.Profile, command.RecoveryId, append);
        var issuedAt = time.GetUtcNow();
        var issued = new IssuedToken(plan.Vm.Name, InstallToken.Hash(token), command.RecoveryId, plan.Profile.Name,
            issuedAt, issuedAt + options.Value.TokenLifetime, UsedAt: null);

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await InstallTokenStore.IssueAsync(transaction, issued);
        await tftp.WriteAsync(plan.PxeConfigFile, stanza, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var preparedAt = time.GetUtcNow();
        logger.LogInformation("{PxeConfigFile} now reinstalls {Vm} with profile {Profile}, role {Role} (recovery {RecoveryId}); its token expires at {ExpiresAt}",
            plan.PxeConfigFile, plan.Vm.Name, plan.Profile.Name, plan.Profile.Role, command.RecoveryId, issued.ExpiresAt);
        return new ReinstallReady(plan.PxeConfigFile, preparedAt);
    }
}
