using ThreeRC.Contracts.Hypervisor;
using ThreeRC.Contracts.Monitoring;
using ThreeRC.Contracts.Placement;
using ThreeRC.Contracts.Recovery;
using ThreeRC.ServiceDefaults.Rehearsal;
using static ThreeRC.ServiceDefaults.Rehearsal.RehearsalInventory;

namespace ThreeRC.Orchestrator.Rehearsal;

/// <summary>
/// One incident from start to end, answering for the other services: the VM goes silent, its reboot fails,
/// placement moves it, its old host is fenced, it restarts and reports again.
/// </summary>
public sealed class OrchestratorRehearsal : IRehearsal
{
    public async Task PlayAsync(RehearsalStage stage, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var reboot = await stage.CueAsync<RebootGuest>(
            new HostUnresponsive(Vm, HostKind.Virtual, Vm, now, now, "rehearsal", "rehearsal"), cancellationToken);
        var incident = reboot.RecoveryId;
        await stage.CueAsync<PlaceVm>(new GuestRebootFailed(incident, Vm, "rehearsal", null, now), cancellationToken);
        await stage.CueAsync<FenceHost>(new VmPlaced(incident, Vm, Spare, Home, "rehearsal", now), cancellationToken);
        await stage.CueAsync<RestartVm>(new HostFenced(incident, Vm, Home, FenceMethod.Hypervisor, [], now), cancellationToken);
        await stage.Bus.Publish(new VmRestarted(incident, Vm, Spare, [], now), cancellationToken);
        await stage.CueAsync<RecoveryCompleted>(new HostResponsive(Vm, HostKind.Virtual, Vm, now, now, "rehearsal"), cancellationToken);
    }
}
