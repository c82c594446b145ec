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
    DateTimeOffset? UsedAt)
{
    /// <summary>Why <paramref name="token"/> is not accepted at <paramref name="now"/>, or null when it is.</summary>
    public string? Refusal(string token, DateTimeOffset now) =>
        !InstallToken.Matches(token, TokenHash) ? "the token is not the one issued for its latest reinstall"
        : UsedAt is { } used ? $"the token was already used at {used:O}"
        : now >= ExpiresAt ? $"the token expired at {ExpiresAt:O}"
        : null;
}
