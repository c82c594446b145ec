using Grpc.Core;
using ThreeRC.Api.Grpc.Mapping;
using ThreeRC.Api.Persistence;
using ThreeRC.Api.Planning;
using ThreeRC.Api.V1;
using ThreeRC.Inventory.Model;

namespace ThreeRC.Api.Grpc;

public sealed class RecoveriesService(
    ClusterInventory inventory,
    RecoveryQueries recoveries,
    TimelineStore timeline,
    RecoveryPlanner planner,
    PlacementPreviewer placement) : Recoveries.RecoveriesBase
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public override async Task<ListRecoveriesResponse> ListRecoveries(ListRecoveriesRequest request, ServerCallContext context)
    {
        var filter = Filter(request);
        var size = request.PageSize switch
        {
            0 => DefaultPageSize,
            >= 1 and <= MaxPageSize => request.PageSize,
            _ => throw Require.Invalid($"page_size: {request.PageSize} is not between 1 and {MaxPageSize} (0 means {DefaultPageSize})"),
        };
        var after = PageToken.Decode(request.PageToken, filter);

        var page = await recoveries.ListAsync(filter, after, size + 1, context.CancellationToken);
        var response = new ListRecoveriesResponse { Recoveries = { page.Take(size).Select(record => record.ToProto()) } };
        if (page.Count > size) response.NextPageToken = PageToken.Encode(new RecoveryCursor(page[size - 1].StartedAt, page[size - 1].Id), filter);
        return response;
    }

    public override async Task<Recovery> GetRecovery(GetRecoveryRequest request, ServerCallContext context)
    {
        var id = Require.RecoveryId(request.Id, "id");
        var record = await recoveries.FindAsync(id, context.CancellationToken)
            ?? throw Require.NotFound($"id: no recovery {id} in the read model");
        var recovery = record.ToProto();
        recovery.Steps.AddRange((await recoveries.StepsAsync(id, context.CancellationToken)).Select(step => step.ToProto()));
        recovery.Events.AddRange((await timeline.ListAsync(id, context.CancellationToken)).Select(entry => entry.ToProto()));
        return recovery;
    }

    public override async Task<RecoveryPlan> PlanRecovery(PlanRecoveryRequest request, ServerCallContext context)
    {
        var vm = Require.Vm(inventory, request.VmName, "vm_name");
        var plan = await planner.PlanAsync(vm, context.CancellationToken);
        var preview = plan.Level is null ? null : await placement.PreviewAsync(vm.Name, plan.MustRelocate, context.CancellationToken);
        return new RecoveryPlan
        {
            VmName = vm.Name,
            OpenRecoveryId = plan.Vm.OpenRecovery?.Id ?? "",
            Level = plan.Level.ToProto(),
            Explanation = plan.Explanation,
            MustRelocate = plan.MustRelocate,
            CurrentHost = plan.Vm.CurrentHost,
            CurrentHostState = plan.CurrentHostState,
            PlacementHost = preview?.HostName ?? "",
            PlacementReason = preview?.Reason ?? "",
        };
    }

    private RecoveryFilter Filter(ListRecoveriesRequest request)
    {
        var vm = request.VmName.Length > 0 ? Require.Vm(inventory, request.VmName, "vm_name").Name : null;
        var state = request.State switch
        {
            RecoveryState.Unspecified => null,
            RecoveryState.Open or RecoveryState.Recovered or RecoveryState.Failed or RecoveryState.Cancelled => request.State.ToString(),
            _ => throw Require.Invalid($"state: {(int)request.State} is not a recovery state"),
        };
        var after = Require.Time(request.StartedAfter, "started_after");
        var before = Require.Time(request.StartedBefore, "started_before");
        Require.Ordered(after, before, "started_after", "started_before");
        return new RecoveryFilter(vm, state, after, before);
    }
}
