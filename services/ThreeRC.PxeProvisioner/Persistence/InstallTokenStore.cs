using System.Data.Common;
using Dapper;

namespace ThreeRC.PxeProvisioner.Persistence;

/// <summary>Reads and writes install tokens inside the caller's transaction, so a token and its pxelinux file change together.</summary>
internal static class InstallTokenStore
{
    public static Task IssueAsync(DbTransaction transaction, IssuedToken token) =>
        transaction.Connection!.ExecuteAsync(
            """
            INSERT INTO install_tokens (vm_name, token_hash, recovery_id, profile, issued_at, expires_at, used_at, revoked_at, revoked_because)
            VALUES (@VmName, @TokenHash, @RecoveryId, @Profile, @IssuedAt, @ExpiresAt, NULL, NULL, NULL)
            ON CONFLICT (vm_name) DO UPDATE SET token_hash = excluded.token_hash, recovery_id = excluded.recovery_id,
                profile = excluded.profile, issued_at = excluded.issued_at, expires_at = excluded.expires_at, used_at = NULL,
                revoked_at = NULL, revoked_because = NULL
            """,
            token, transaction);

    public static Task<IssuedToken?> FindAsync(DbTransaction transaction, string vmName) =>
        transaction.Connection!.QuerySingleOrDefaultAsync<IssuedToken>(
            """
            SELECT vm_name AS VmName, token_hash AS TokenHash, recovery_id AS RecoveryId, profile AS Profile,
                issued_at AS IssuedAt, expires_at AS ExpiresAt, used_at AS UsedAt, revoked_at AS RevokedAt, revoked_because AS RevokedBecause
            FROM install_tokens WHERE vm_name = @vmName
            """,
            new { vmName }, transaction);

    public static Task MarkUsedAsync(DbTransaction transaction, string vmName, DateTimeOffset usedAt) =>
        transaction.Connection!.ExecuteAsync(
            "UPDATE install_tokens SET used_at = @usedAt WHERE vm_name = @vmName", new { vmName, usedAt }, transaction);

    /// <summary>Revokes the VM's token if it is still the one <paramref name="recoveryId"/> was issued and nobody used it.</summary>
    public static Task RevokeAsync(DbTransaction transaction, string vmName, Guid recoveryId, DateTimeOffset revokedAt, string because) =>
        transaction.Connection!.ExecuteAsync(
            """
            UPDATE install_tokens SET revoked_at = @revokedAt, revoked_because = @because
            WHERE vm_name = @vmName AND recovery_id = @recoveryId AND used_at IS NULL AND revoked_at IS NULL
            """,
            new { vmName, recoveryId, revokedAt, because }, transaction);
}
