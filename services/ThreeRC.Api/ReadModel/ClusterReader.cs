using Google.Protobuf.WellKnownTypes;
using ThreeRC.Api.Grpc.Mapping;
using ThreeRC.Api.Persistence;
using ThreeRC.Contracts.Monitoring;
using ThreeRC.Contracts.Operations;
using ThreeRC.Inventory.Model;
using V1 = ThreeRC.Api.V1;

namespace ThreeRC.Api.ReadModel;

/// <summary>The hosts and VMs of the inventory, each with what the read model knows about it.</summary>
public sealed class ClusterReader(
    ClusterInventory inventory,
    MonitorStateStore states,
    HostLoadStore loads,
    MaintenanceStore maintenance,
    VmLocationStore locations,
    RecoveryQueries recoveries)
{
    public async Task<IReadOnlyList<V1.Vm>> VmsAsync(CancellationToken cancellationToken)
    {
        var monitored = await states.ListAsync(HostKind.Virtual, cancellationToken);
        var inMaintenance = await maintenance.ListAsync(MaintenanceTarget.Vm, cancellationToken);
        var moved = await locations.ListAsync(cancellationToken);
        var open = (await recoveries.OpenAsync(cancellationToken)).ToLookup(recovery => recovery.VmName);
        return inventory.Vms.Select(vm =>
        {
            var incident = open[vm.Name].LastOrDefault();
            var (state, since, reason) = Status(monitored.GetValueOrDefault(vm.Name), incident);
            return new V1.Vm
            {
                Name = vm.Name,
                State = state,
                StateSince = since.ToTimestamp(),
                LastHeardAt = monitored.GetValueOrDefault(vm.Name)?.LastHeardAt.ToTimestamp(),
                StateReason = reason,
                HomeHost = vm.HomeHost,
                CurrentHost = moved.GetValueOrDefault(vm.Name, vm.HomeHost),
                Maintenance = inMaintenance.GetValueOrDefault(vm.Name).ToProto(),
                OpenRecovery = incident?.ToProto(),
                Priority = vm.Priority,
                ReinstallAllowed = vm.ReinstallAllowed,
            };
        }).ToList();
    }

    /// <summary>The hosts, each with the VMs <paramref name="vms"/> puts on it.</summary>
    public async Task<IReadOnlyList<V1.Host>> HostsAsync(IReadOnlyList<V1.Vm> vms, CancellationToken cancellationToken)
    {
        var monitored = await states.ListAsync(HostKind.Physical, cancellationToken);
        var reported = await loads.ListAsync(cancellationToken);
        var inMaintenance = await maintenance.ListAsync(MaintenanceTarget.Host, cancellationToken);
        return inventory.Hosts.Select(host =>
        {
            var state = monitored.GetValueOrDefault(host.Name);
            var load = reported.GetValueOrDefault(host.Name);
            return new V1.Host
            {
                Name = host.Name,
                State = state?.State switch
                {
                    MonitorStatus.Up => V1.HostState.Up,
                    MonitorStatus.Down => V1.HostState.Down,
                    MonitorStatus.Fenced => V1.HostState.Fenced,
                    _ => V1.HostState.Unknown,
                },
                StateSince = state?.StateSince.ToTimestamp(),
                LastHeardAt = Latest(state?.LastHeardAt, load?.LastHeardAt).ToTimestamp(),
                StateReason = state?.Reason ?? "no monitor event yet",
                Load = load is null ? null : new V1.HostLoad
                {
                    LoadOne = load.LoadOne,
                    LoadFive = load.LoadFive,
                    CpuCount = load.CpuCount,
                    MemoryTotalKb = load.MemoryTotalKb,
                    MemoryFreeKb = load.MemoryFreeKb,
                    ReportedAt = load.ReportedAt.ToTimestamp(),
                },
                Maintenance = inMaintenance.GetValueOrDefault(host.Name).ToProto(),
                VmNames = { vms.Where(vm => vm.CurrentHost == host.Name).Select(vm => vm.Name) },
                Cpus = host.Cpus,
                LoadThreshold = host.LoadThreshold,
                MaxVms = host.MaxVms,
            };
        }).ToList();
    }

    private static (V1.VmState State, DateTimeOffset? Since, string Reason) Status(MonitorState? state, RecoveryRecord? incident)
    {
        if (incident is not null)
            return (V1.VmState.Recovering, incident.StartedAt, $"incident {incident.Id}: {incident.CurrentStep?.ToString() ?? "starting"}");
        return state?.State switch
        {
            MonitorStatus.Up => (V1.VmState.Up, state.StateSince, state.Reason),
            MonitorStatus.Down => (V1.VmState.Down, state.StateSince, state.Reason),
            MonitorStatus.Failed => (V1.VmState.Failed, state.StateSince, state.Reason),
            _ => (V1.VmState.Unknown, null, "no monitor event yet"),
        };
    }

    private static DateTimeOffset? Latest(DateTimeOffset? first, DateTimeOffset? second) =>
        first is null ? second : second is null ? first : first > second ? first : second;
}
