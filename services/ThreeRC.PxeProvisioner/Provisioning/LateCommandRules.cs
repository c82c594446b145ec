using System.Data.Common;
using ThreeRC.Contracts.Provisioning;
using ThreeRC.PxeProvisioner.Persistence;

namespace ThreeRC.PxeProvisioner.Provisioning;

/// <summary>
/// When a reinstall comes too late to be armed: its incident has already ended, or its not-after time has passed.
/// Armed then, the entry would wipe a VM that nobody is recovering at its next network boot.
/// </summary>
internal static class LateCommandRules
{
    public static async Task<string?> RefusalAsync(DbTransaction transaction, PrepareReinstall command, DateTimeOffset now) =>
        await EndedRecoveryStore.FindAsync(transaction, command.RecoveryId) is { } ended
            ? $"incident {ended.RecoveryId} of {ended.VmName} already ended ({ended.Outcome} at {ended.EndedAt:O}); a reinstall now would wipe a VM nobody is recovering"
            : now > command.NotAfter
                ? $"the command came at {now:O}, after its not-after time {command.NotAfter:O}; the orchestrator has moved on"
                : null;
}
