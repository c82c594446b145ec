using Microsoft.Extensions.Logging;
using ThreeRC.Contracts.Recovery;

namespace ThreeRC.PxeProvisioner.Provisioning;

/// <summary>Why an entry goes back to local boot without the installer's call-back, and how loudly that is logged.</summary>
internal sealed record DisarmReason(string Text, LogLevel Level)
{
    /// <summary>The incident that armed it ended: it needs no installer any more, whatever the outcome.</summary>
    public static DisarmReason IncidentEnded(RecoveryOutcome outcome) => new($"incident ended {outcome}", LogLevel.Information);

    /// <summary>No token can complete the install any more (it expired, mostly): the installer must not start.</summary>
    public static DisarmReason NoLiveToken(string why) => new(why, LogLevel.Warning);

    /// <summary>At start it pointed at the installer with no token that could complete the install.</summary>
    public static DisarmReason FoundArmedAtStart(string why) => new($"found armed at start: {why}", LogLevel.Warning);

    public override string ToString() => Text;
}
