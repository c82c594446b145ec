using ThreeRC.PxeProvisioner.Tokens;

namespace ThreeRC.PxeProvisioner.Persistence;

/// <summary>The stored side of a VM's latest install token.</summary>
internal sealed record IssuedToken(
    string VmName,
    string TokenHash,
    Guid RecoveryId,
    string Profile,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? UsedAt,
    DateTimeOffset? RevokedAt,
    string? RevokedBecause)
{
    /// <summary>Why <paramref name="token"/> is not accepted at <paramref name="now"/>, or null when it is.</summary>
    public string? Refusal(string token, DateTimeOffset now) =>
        !InstallToken.Matches(token, TokenHash) ? "the token is not the one issued for its latest reinstall" : Unusable(now);

    /// <summary>Why this token cannot be used any more at <paramref name="now"/>, or null while it is live.</summary>
    public string? Unusable(DateTimeOffset now) =>
        UsedAt is { } used ? $"the token was already used at {used:O}"
        : RevokedAt is { } revoked ? $"the token was revoked at {revoked:O} ({RevokedBecause})"
        : now >= ExpiresAt ? $"the token expired at {ExpiresAt:O}"
        : null;
}
