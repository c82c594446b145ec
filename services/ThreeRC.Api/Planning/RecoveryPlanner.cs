using ThreeRC.Api.Feed;
using ThreeRC.Api.Grpc.Mapping;
using ThreeRC.Api.ReadModel;
using ThreeRC.Contracts.Recovery;
using ThreeRC.Inventory.Model;
using V1 = ThreeRC.Api.V1;

namespace ThreeRC.Api.Planning;

/// <summary>
/// Decides, from the read model, the intervention the orchestrator's escalation would run next for a VM:
/// reboot first, restart straight away when its physical host is down, then reinstall if allowed.
/// </summary>
public sealed class RecoveryPlanner(ClusterInventory inventory, ClusterReader cluster)
{
    public async Task<PlannedRecovery> PlanAsync(VirtualMachine vm, CancellationToken cancellationToken)
    {
        var vms = await cluster.VmsAsync(cancellationToken);
        var view = vms.Single(candidate => candidate.Name == vm.Name);
        var hosts = await cluster.HostsAsync(vms, cancellationToken);
        var host = hosts.SingleOrDefault(host => host.Name == view.CurrentHost);
        var hostState = host?.State ?? V1.HostState.Unknown;
        var hostDown = hostState is V1.HostState.Down or V1.HostState.Fenced;
        var (level, explanation) = Next(vm, view, host?.Maintenance, hostDown);
        return new PlannedRecovery(level, explanation, hostDown, view, hostState, host?.Maintenance);
    }

    private (RecoveryLevel? Level, string Explanation) Next(VirtualMachine vm, V1.Vm view, V1.Maintenance? hostMaintenance, bool hostDown)
    {
        var timers = inventory.Timers;
        if (view.Maintenance is { } maintenance)
            return (null, $"{vm.Name} is in maintenance ({maintenance.Reason}): ThreeRC leaves it alone");
        if (hostMaintenance is not null)
            return (null, $"its physical host {view.CurrentHost} is in maintenance ({hostMaintenance.Reason}): ThreeRC leaves its VMs alone");
        if (view.OpenRecovery is not { } incident)
            return hostDown
                ? (RecoveryLevel.Restart, $"its physical host {view.CurrentHost} is down: a guest reboot cannot work, so it restarts on another host")
                : (RecoveryLevel.Reboot, "no incident is open: the first intervention is a guest reboot");

        return incident.CurrentStep switch
        {
            V1.RecoveryStepKind.Unspecified or V1.RecoveryStepKind.Queued =>
                (incident.StartLevel.FromProto() ?? RecoveryLevel.Reboot, "the incident waits for a recovery slot and begins with its start level"),
            V1.RecoveryStepKind.Reboot =>
                (RecoveryLevel.Restart, $"the guest reboot has {Durations.Format(timers.RebootWait)} (T1) to bring it back; then it is restarted"),
            V1.RecoveryStepKind.Reinstall =>
                (null, $"the reinstall is the last intervention: if {vm.Name} does not report within {Durations.Format(timers.InstallBudget)}, the incident fails and an operator must act"),
            _ when vm.ReinstallAllowed && vm.Profile is not null =>
                (RecoveryLevel.Reinstall, $"the restart has {Durations.Format(timers.RestartWait)} (T2) to bring it back; then it is reinstalled"),
            _ => (null, $"reinstall is disabled for {vm.Name}: if the restart does not bring it back within {Durations.Format(timers.RestartWait)}, the incident fails and an operator must act"),
        };
    }
}
