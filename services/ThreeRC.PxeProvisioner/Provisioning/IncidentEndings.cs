using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ThreeRC.Contracts.Recovery;
using ThreeRC.Inventory.Model;
using ThreeRC.PxeProvisioner.Options;
using ThreeRC.PxeProvisioner.Persistence;

namespace ThreeRC.PxeProvisioner.Provisioning;

/// <summary>
/// When an incident ends, whatever its outcome, it is remembered (a late <c>PrepareReinstall</c> for it is refused)
/// and the VM's entry goes back to local boot if that incident armed it. An entry armed by a newer incident stays.
/// </summary>
internal sealed class IncidentEndings(
    ClusterInventory inventory,
    IOptions<PxeOptions> options,
    PxeDatabase database,
    ArmedEntries entries,
    LocalBootRestorer restorer,
    TimeProvider time,
    ILogger<IncidentEndings> logger)
{
    public async Task EndAsync(RecoveryCompleted ended, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var write = await database.BeginWriteAsync(connection, cancellationToken);
        var transaction = write.Transaction;
        await EndedRecoveryStore.RememberAsync(transaction,
            new EndedRecovery(ended.RecoveryId, ended.VmName, ended.Outcome.ToString(), ended.CompletedAt),
            time.GetUtcNow() + options.Value.EndedIncidentRetention);

        var armed = inventory.FindVm(ended.VmName) is { } vm ? await entries.FindAsync(vm, cancellationToken) : null;
        if (armed is not null && armed.ArmedBy == ended.RecoveryId)
        {
            await restorer.RestoreAsync(transaction, armed.Vm, armed.PxeConfigFile, armed.ArmedBy, DisarmReason.IncidentEnded(ended.Outcome), cancellationToken);
            return;
        }

        await transaction.CommitAsync(cancellationToken);
        if (armed is not null)
            logger.LogInformation("Incident {RecoveryId} of {Vm} ended {Outcome}; {PxeConfigFile} stays on the installer, armed by incident {ArmedBy}",
                ended.RecoveryId, ended.VmName, ended.Outcome, armed.PxeConfigFile, armed.ArmedBy?.ToString() ?? "not named in the entry");
    }
}
