using System.Data.Common;
using Dapper;

namespace ThreeRC.PxeProvisioner.Persistence;

/// <summary>Forgets the ended incidents and the answers whose retention is over.</summary>
internal static class RetentionStore
{
    /// <summary>Deletes what is due at <paramref name="now"/>; returns how many rows.</summary>
    public static Task<int> ForgetDueAsync(DbTransaction transaction, DateTimeOffset now) =>
        transaction.Connection!.ExecuteAsync(
            """
            DELETE FROM ended_recoveries WHERE forget_after <= @now;
            DELETE FROM prepare_answers WHERE forget_after <= @now;
            """,
            new { now = now.ToUnixTimeMilliseconds() }, transaction);
}
