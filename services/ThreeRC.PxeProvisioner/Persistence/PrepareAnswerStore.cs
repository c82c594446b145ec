using System.Data.Common;
using Dapper;

namespace ThreeRC.PxeProvisioner.Persistence;

/// <summary>The answer given to each command id, kept for a retention period, inside the caller's transaction.</summary>
internal static class PrepareAnswerStore
{
    public static Task SaveAsync(DbTransaction transaction, PrepareAnswer answer, DateTimeOffset forgetAfter) =>
        transaction.Connection!.ExecuteAsync(
            """
            INSERT INTO prepare_answers (command_id, recovery_id, vm_name, pxe_config_file, refusal, answered_at, forget_after)
            VALUES (@CommandId, @RecoveryId, @VmName, @PxeConfigFile, @Refusal, @AnsweredAt, @ForgetAfter)
            """,
            new
            {
                answer.CommandId, answer.RecoveryId, answer.VmName, answer.PxeConfigFile, answer.Refusal, answer.AnsweredAt,
                ForgetAfter = forgetAfter.ToUnixTimeMilliseconds(),
            },
            transaction);

    public static Task<PrepareAnswer?> FindAsync(DbTransaction transaction, Guid commandId) =>
        transaction.Connection!.QuerySingleOrDefaultAsync<PrepareAnswer>(
            """
            SELECT command_id AS CommandId, recovery_id AS RecoveryId, vm_name AS VmName, pxe_config_file AS PxeConfigFile,
                refusal AS Refusal, answered_at AS AnsweredAt
            FROM prepare_answers WHERE command_id = @commandId
            """,
            new { commandId }, transaction);
}
