using Microsoft.Extensions.Logging;
using ThreeRC.Inventory.Model;
using ThreeRC.PxeProvisioner.Persistence;

namespace ThreeRC.PxeProvisioner.Provisioning;

/// <summary>
/// Puts back to local boot every entry that starts the installer while no live token could complete the install:
/// its token expired (or was used or revoked), or none was issued for the incident that armed it. Then forgets the
/// ended incidents and the answers whose retention is over.
/// </summary>
internal sealed class ArmedEntrySweep(
    ClusterInventory inventory,
    PxeDatabase database,
    ArmedEntries entries,
    LocalBootRestorer restorer,
    TimeProvider time,
    ILogger<ArmedEntrySweep> logger)
{
    /// <param name="atStart">The provisioner is starting: the reason then says the entry was found armed at start.</param>
    /// <returns>How many entries went back to local boot.</returns>
    public async Task<int> SweepAsync(bool atStart, CancellationToken cancellationToken)
    {
        var restored = 0;
        foreach (var vm in inventory.Vms)
            if (await entries.FindAsync(vm, cancellationToken) is not null && await RestoreUnlessLiveAsync(vm, atStart, cancellationToken))
                restored++;
        await ForgetDueAsync(cancellationToken);
        return restored;
    }

    private async Task<bool> RestoreUnlessLiveAsync(VirtualMachine vm, bool atStart, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var write = await database.BeginWriteAsync(connection, cancellationToken);
        var transaction = write.Transaction;

        // Read again under the write lock: a reinstall or a call-back may have changed the entry since.
        var armed = await entries.FindAsync(vm, cancellationToken);
        if (armed is null) return false;
        var token = await InstallTokenStore.FindAsync(transaction, vm.Name);
        var why = token is null || token.RecoveryId != armed.ArmedBy
            ? "no token was issued for the incident that armed it"
            : token.Unusable(time.GetUtcNow());
        if (why is null)
        {
            if (atStart)
                logger.LogInformation("{PxeConfigFile} stays on the installer for {Vm}: the token of incident {RecoveryId} is live until {ExpiresAt:O}",
                    armed.PxeConfigFile, vm.Name, token!.RecoveryId, token.ExpiresAt);
            return false;
        }

        var reason = atStart ? DisarmReason.FoundArmedAtStart(why) : DisarmReason.NoLiveToken(why);
        await restorer.RestoreAsync(transaction, vm, armed.PxeConfigFile, armed.ArmedBy, reason, cancellationToken);
        return true;
    }

    private async Task ForgetDueAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var write = await database.BeginWriteAsync(connection, cancellationToken);
        var transaction = write.Transaction;
        var forgotten = await RetentionStore.ForgetDueAsync(transaction, time.GetUtcNow());
        await transaction.CommitAsync(cancellationToken);
        if (forgotten > 0) logger.LogDebug("Forgot {Rows} ended incidents and answers past their retention", forgotten);
    }
}
