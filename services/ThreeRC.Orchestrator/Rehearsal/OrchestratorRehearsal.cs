using MassTransit;
using ThreeRC.Contracts.Hypervisor;
using ThreeRC.Contracts.Monitoring;
using ThreeRC.Contracts.Placement;
using ThreeRC.Contracts.Recovery;
using ThreeRC.ServiceDefaults.Rehearsal;
using static ThreeRC.ServiceDefaults.Rehearsal.RehearsalInventory;

namespace ThreeRC.Orchestrator.Rehearsal;

/// <summary>
/// Two incidents from start to end, answering for the other services. First the VM's host is lost: placement
/// names the VMs it ran, the VM is placed elsewhere, the lost host fenced, the VM restarted; the host reports again.
/// Then the VM goes silent, its reboot fails, placement moves it back, its old host is fenced, it restarts and
/// reports again. (In this order flap control, which does not count an incident caused by a lost host, leaves the
/// second incident at its first level.)
/// </summary>
public sealed class OrchestratorRehearsal : IRehearsal
{
    public async Task PlayAsync(RehearsalStage stage, CancellationToken cancellationToken)
    {
        await LoseHostAsync(stage, cancellationToken);
        await LoseGuestAsync(stage, cancellationToken);
    }

    private static async Task LoseHostAsync(RehearsalStage stage, CancellationToken cancellationToken)
    {
        var placement = stage.Bus.ConnectReceiveEndpoint(endpoint => endpoint.Handler<GetVmsOnHost>(context =>
            context.RespondAsync(new VmsOnHost(context.Message.HostName, Known: true, [Vm]))));
        try
        {
            await placement.Ready.WaitAsync(cancellationToken);
            var now = DateTimeOffset.UtcNow;
            var place = await stage.CueAsync<PlaceVm>(
                new HostUnresponsive(Home, HostKind.Physical, Home, now, now, "rehearsal", "rehearsal"), cancellationToken);
            await MoveAsync(stage, place, from: Home, to: Spare, cancellationToken);
            await stage.Bus.Publish(new HostResponsive(Home, HostKind.Physical, Home, now, now, "rehearsal"), cancellationToken);
        }
        finally
        {
            await placement.StopAsync(CancellationToken.None);
        }
    }

    private static async Task LoseGuestAsync(RehearsalStage stage, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var reboot = await stage.CueAsync<RebootGuest>(
            new HostUnresponsive(Vm, HostKind.Virtual, Vm, now, now, "rehearsal", "rehearsal"), cancellationToken);
        var place = await stage.CueAsync<PlaceVm>(new GuestRebootFailed(reboot.RecoveryId, Vm, reboot.CommandId, "rehearsal", false, null, now), cancellationToken);
        await MoveAsync(stage, place, from: Spare, to: Home, cancellationToken);
    }

    /// <summary>From placement's answer to the VM reporting again: fenced on <paramref name="from"/>, restarted on <paramref name="to"/>.</summary>
    private static async Task MoveAsync(RehearsalStage stage, PlaceVm place, string from, string to, CancellationToken cancellationToken)
    {
        var (now, incident) = (DateTimeOffset.UtcNow, place.RecoveryId);
        var fence = await stage.CueAsync<FenceHost>(new VmPlaced(incident, Vm, to, from, "rehearsal", now, place.RequestId), cancellationToken);
        var restart = await stage.CueAsync<RestartVm>(new HostFenced(incident, Vm, fence.CommandId, from, fence.Method, [], now), cancellationToken);
        await stage.Bus.Publish(new VmRestarted(incident, Vm, restart.CommandId, to, [], now), cancellationToken);
        await stage.CueAsync<RecoveryCompleted>(new HostResponsive(Vm, HostKind.Virtual, Vm, now, now, "rehearsal"), cancellationToken);
    }
}
