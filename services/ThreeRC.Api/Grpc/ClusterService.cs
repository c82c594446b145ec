using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using ThreeRC.Api.Grpc.Mapping;
using ThreeRC.Api.Persistence;
using ThreeRC.Api.ReadModel;
using ThreeRC.Api.V1;
using ThreeRC.Inventory.Model;

namespace ThreeRC.Api.Grpc;

public sealed class ClusterService(
    ClusterInventory inventory,
    ClusterReader cluster,
    MonitorSourceStore sources,
    FencingBrakeStore brake,
    FencingAlerts alerts,
    OperatorActionStore actions) : Cluster.ClusterBase
{
    public const int RecentActions = 10;

    public override async Task<ListHostsResponse> ListHosts(ListHostsRequest request, ServerCallContext context)
    {
        var vms = await cluster.VmsAsync(context.CancellationToken);
        var hosts = await cluster.HostsAsync(vms, context.CancellationToken);
        var monitorSources = await sources.ListAsync(context.CancellationToken);
        var fencing = await brake.CurrentAsync(context.CancellationToken);
        var unacknowledged = await alerts.UnacknowledgedAsync(context.CancellationToken);
        return new ListHostsResponse
        {
            FencingHalted = fencing.ToProto(),
            FencingAlerts = { unacknowledged.Select(FencingMapping.ToProto) },
            Hosts = { hosts },
            MonitorSources =
            {
                monitorSources.Select(source => new V1.MonitorSource
                {
                    Source = source.Source, Available = source.Available, Reason = source.Reason, Since = source.Since.ToTimestamp(),
                }),
            },
        };
    }

    public override async Task<ListVmsResponse> ListVms(ListVmsRequest request, ServerCallContext context)
    {
        if (request.HostName.Length > 0) Require.Host(inventory, request.HostName, "host_name");
        var vms = await cluster.VmsAsync(context.CancellationToken);
        return new ListVmsResponse { Vms = { vms.Where(vm => request.HostName.Length == 0 || vm.CurrentHost == request.HostName) } };
    }

    public override async Task<Vm> GetVm(GetVmRequest request, ServerCallContext context)
    {
        var name = Require.Vm(inventory, request.Name, "name").Name;
        var vm = (await cluster.VmsAsync(context.CancellationToken)).Single(vm => vm.Name == name);
        var latest = await actions.LatestAsync(OperatorTargets.Vm(name), RecentActions, context.CancellationToken);
        vm.RecentActions.AddRange(latest.Select(action => action.ToProto()));
        return vm;
    }
}
