using ThreeRC.Contracts.Provisioning;
using ThreeRC.Contracts.Recovery;

namespace ThreeRC.PxeProvisioner.Tests.Support;

internal static class Commands
{
    /// <summary>A reinstall for a new incident, due within ten minutes of <paramref name="now"/> (the system's clock when null).</summary>
    public static PrepareReinstall Reinstall(string vm, string profile, DateTimeOffset? now = null) =>
        ReinstallFor(Guid.NewGuid(), vm, profile, now);

    /// <summary>A reinstall for the incident <paramref name="recoveryId"/>, with a command id of its own.</summary>
    public static PrepareReinstall ReinstallFor(Guid recoveryId, string vm, string profile, DateTimeOffset? now = null)
    {
        var requestedAt = now ?? DateTimeOffset.UtcNow;
        return new(recoveryId, vm, Guid.NewGuid(), profile, requestedAt, requestedAt.AddMinutes(10));
    }

    /// <summary>The orchestrator's report that the incident <paramref name="recoveryId"/> of <paramref name="vm"/> ended.</summary>
    public static RecoveryCompleted Ended(Guid recoveryId, string vm, RecoveryOutcome outcome)
    {
        var now = DateTimeOffset.UtcNow;
        return new(recoveryId, vm, outcome, $"ended {outcome} in a test", null, now.AddMinutes(-5), now, TimeSpan.FromMinutes(5), []);
    }
}
