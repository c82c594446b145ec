using ThreeRC.Contracts.Monitoring;
using ThreeRC.Contracts.Recovery;
using ThreeRC.ServiceDefaults.Rehearsal;
using static ThreeRC.ServiceDefaults.Rehearsal.RehearsalInventory;

namespace ThreeRC.Monitor.Rehearsal;

/// <summary>
/// The two announcements the monitor makes when a VM fails and comes back, sent once round the stage, and the
/// incident it is told of in between.
/// </summary>
public sealed class MonitorRehearsal : IRehearsal
{
    public async Task PlayAsync(RehearsalStage stage, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        await stage.CueAsync<HostUnresponsive>(new HostUnresponsive(Vm, HostKind.Virtual, Vm, now, now, "rehearsal", "rehearsal"), cancellationToken);
        await stage.CueAsync<RecoveryStarted>(new RecoveryStarted(Guid.NewGuid(), Vm, RecoveryLevel.Reboot, "rehearsal", now, now), cancellationToken);
        await stage.CueAsync<HostResponsive>(new HostResponsive(Vm, HostKind.Virtual, Vm, now, now, "rehearsal"), cancellationToken);
    }
}
