using System.Data.Common;
using Dapper;

namespace ThreeRC.PxeProvisioner.Persistence;

/// <summary>The incidents that have ended, kept for a retention period, inside the caller's transaction.</summary>
internal static class EndedRecoveryStore
{
    /// <summary>Remembers the incident until <paramref name="forgetAfter"/>; a second report of its end changes nothing.</summary>
    public static Task RememberAsync(DbTransaction transaction, EndedRecovery ended, DateTimeOffset forgetAfter) =>
        transaction.Connection!.ExecuteAsync(
            """
            INSERT INTO ended_recoveries (recovery_id, vm_name, outcome, ended_at, forget_after)
            VALUES (@RecoveryId, @VmName, @Outcome, @EndedAt, @ForgetAfter)
            ON CONFLICT (recovery_id) DO NOTHING
            """,
            new { ended.RecoveryId, ended.VmName, ended.Outcome, ended.EndedAt, ForgetAfter = forgetAfter.ToUnixTimeMilliseconds() },
            transaction);

    public static Task<EndedRecovery?> FindAsync(DbTransaction transaction, Guid recoveryId) =>
        transaction.Connection!.QuerySingleOrDefaultAsync<EndedRecovery>(
            """
            SELECT recovery_id AS RecoveryId, vm_name AS VmName, outcome AS Outcome, ended_at AS EndedAt
            FROM ended_recoveries WHERE recovery_id = @recoveryId
            """,
            new { recoveryId }, transaction);
}
