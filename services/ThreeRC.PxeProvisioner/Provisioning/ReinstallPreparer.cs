using System.Data.Common;
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
/// Points a VM's pxelinux entry at its install profile. The new token, the new file and the answer change in one
/// write transaction: when the file cannot be written, no token is issued and the old entry stays. A command that
/// comes again (same command id) gets the answer it got the first time, and no second token.
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
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var write = await database.BeginWriteAsync(connection, cancellationToken);
        var transaction = write.Transaction;
        if (await PrepareAnswerStore.FindAsync(transaction, command.CommandId) is { } earlier)
        {
            logger.LogInformation("PrepareReinstall {CommandId} for {Vm} (recovery {RecoveryId}) came again; it gets the answer it got at {AnsweredAt:O}, and nothing is written",
                command.CommandId, command.VmName, command.RecoveryId, earlier.AnsweredAt);
            return earlier.PxeConfigFile is { } file ? new ReinstallReady(file, earlier.AnsweredAt) : new ReinstallDenied(earlier.Refusal!, earlier.AnsweredAt);
        }

        var refusal = await LateCommandRules.RefusalAsync(transaction, command, time.GetUtcNow());
        var plan = refusal is null ? ReinstallRules.Check(inventory, options.Value.CallbackBaseUrl, command, out refusal) : null;
        var armed = plan is null ? null : await ArmAsync(transaction, command, plan, cancellationToken);
        ReinstallOutcome outcome = armed is null
            ? new ReinstallDenied(refusal!, time.GetUtcNow())
            : new ReinstallReady(plan!.PxeConfigFile, armed.Value.PreparedAt);
        var answer = new PrepareAnswer(command.CommandId, command.RecoveryId, command.VmName,
            (outcome as ReinstallReady)?.PxeConfigFile, refusal, outcome.At);
        await PrepareAnswerStore.SaveAsync(transaction, answer, outcome.At + options.Value.EndedIncidentRetention);
        await transaction.CommitAsync(cancellationToken);

        if (armed is null)
            logger.LogWarning("Refused to reinstall {Vm} (recovery {RecoveryId}): {Reason}", command.VmName, command.RecoveryId, refusal);
        else
            logger.LogInformation("{PxeConfigFile} now reinstalls {Vm} with profile {Profile}, role {Role} (recovery {RecoveryId}); its token expires at {ExpiresAt:O}",
                plan!.PxeConfigFile, plan.Vm.Name, plan.Profile.Name, plan.Profile.Role, command.RecoveryId, armed.Value.ExpiresAt);
        return outcome;
    }

    /// <summary>Issues the token and writes the install entry; returns when the entry was renamed into place and when the token expires.</summary>
    private async Task<(DateTimeOffset PreparedAt, DateTimeOffset ExpiresAt)?> ArmAsync(DbTransaction transaction, PrepareReinstall command, ReinstallPlan plan, CancellationToken cancellationToken)
    {
        var token = InstallToken.New();
        var append = AppendTemplate.Render(plan.Profile, plan.Vm, plan.CallbackUrl, token);
        var stanza = PxeConfigRenderer.Install(plan.Vm, plan.Profile, command.RecoveryId, append);
        var issuedAt = time.GetUtcNow();
        var expiresAt = issuedAt + options.Value.TokenLifetime;
        await InstallTokenStore.IssueAsync(transaction, new IssuedToken(plan.Vm.Name, InstallToken.Hash(token), command.RecoveryId, plan.Profile.Name,
            issuedAt, expiresAt, UsedAt: null, RevokedAt: null, RevokedBecause: null));
        await tftp.WriteAsync(plan.PxeConfigFile, stanza, cancellationToken);
        return (time.GetUtcNow(), expiresAt);
    }
}
