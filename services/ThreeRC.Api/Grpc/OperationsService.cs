using System.Globalization;
using Grpc.Core;
using MassTransit;
using ThreeRC.Api.Authentication;
using ThreeRC.Api.Grpc.Mapping;
using ThreeRC.Api.Persistence;
using ThreeRC.Api.Planning;
using ThreeRC.Api.Preflight;
using ThreeRC.Api.ReadModel;
using ThreeRC.Api.V1;
using ThreeRC.Contracts.Operations;
using ThreeRC.Contracts.Recovery;
using ThreeRC.Inventory.Model;
using ResumeFencingCommand = ThreeRC.Contracts.Operations.ResumeFencing;

namespace ThreeRC.Api.Grpc;

/// <summary>
/// The operator commands: each publishes its event (or command), then records who asked what and when. Validation
/// comes first, so a refused command publishes and records nothing.
/// </summary>
public sealed class OperationsService(
    ClusterInventory inventory,
    RecoveryPlanner planner,
    OperatorActionStore actions,
    FencingBrakeStore brake,
    FencingAlerts alerts,
    PreflightRounds preflights,
    IPublishEndpoint bus,
    TimeProvider time,
    ILogger<OperationsService> logger) : Operations.OperationsBase
{
    [OperatorCommand]
    public override async Task<OperatorAction> SetMaintenance(SetMaintenanceRequest request, ServerCallContext context)
    {
        var (target, name) = request.Target switch
        {
            V1.MaintenanceTarget.Host => (Contracts.Operations.MaintenanceTarget.Host, Require.Host(inventory, request.Name, "name").Name),
            V1.MaintenanceTarget.Vm => (Contracts.Operations.MaintenanceTarget.Vm, Require.Vm(inventory, request.Name, "name").Name),
            _ => throw Require.Invalid("target: required (MAINTENANCE_TARGET_HOST or MAINTENANCE_TARGET_VM)"),
        };
        var reason = Require.Reason(request.Reason, "reason");
        var requestedBy = Require.Operator(request.RequestedBy, "requested_by");
        var now = time.GetUtcNow();

        await bus.Publish(new MaintenanceChanged(target, name, request.InMaintenance, reason, requestedBy, now), context.CancellationToken);
        return await RecordAsync(new OperatorActionRecord
        {
            RequestedBy = requestedBy,
            Action = request.InMaintenance ? "maintenance-on" : "maintenance-off",
            Target = OperatorTargets.Of(target, name),
            Detail = reason,
            RequestedAt = now,
        }, context);
    }

    [OperatorCommand]
    public override async Task<OperatorAction> TriggerRecovery(TriggerRecoveryRequest request, ServerCallContext context)
    {
        var vm = Require.Vm(inventory, request.VmName, "vm_name");
        var reason = Require.Reason(request.Reason, "reason");
        var requestedBy = Require.Operator(request.RequestedBy, "requested_by");
        var plan = await planner.PlanAsync(vm, context.CancellationToken);
        if (plan.Vm.Maintenance is { } maintenance)
            throw Require.FailedPrecondition($"{vm.Name} is in maintenance ({maintenance.Reason}); take it out first: threerc maintenance off vm {vm.Name}");
        if (plan.CurrentHostMaintenance is { } hostMaintenance)
            throw Require.FailedPrecondition(
                $"{plan.Vm.CurrentHost}, the host of {vm.Name}, is in maintenance ({hostMaintenance.Reason}); take it out first: threerc maintenance off host {plan.Vm.CurrentHost}");
        var level = request.StartLevel.FromProto()
            ?? plan.Level
            ?? throw Require.FailedPrecondition($"no intervention is left for {vm.Name}: {plan.Explanation}");
        if (level == Contracts.Recovery.RecoveryLevel.Reinstall && !(vm.ReinstallAllowed && vm.Profile is not null))
            throw Require.FailedPrecondition($"reinstall is disabled for {vm.Name} in the inventory");
        var now = time.GetUtcNow();

        await bus.Publish(new RecoveryRequested(vm.Name, level, reason, null, requestedBy, now), context.CancellationToken);
        return await RecordAsync(new OperatorActionRecord
        {
            RequestedBy = requestedBy,
            Action = "recovery",
            Target = OperatorTargets.Vm(vm.Name),
            Detail = $"{level}: {reason}",
            RequestedAt = now,
        }, context);
    }

    [OperatorCommand]
    public override async Task<OperatorAction> ResumeFencing(ResumeFencingRequest request, ServerCallContext context)
    {
        var reason = Require.Reason(request.Reason, "reason");
        var requestedBy = Require.Operator(request.RequestedBy, "requested_by");
        if (await brake.CurrentAsync(context.CancellationToken) is { Halted: false } resumed)
            throw Require.FailedPrecondition(
                $"fencing is not halted: {resumed.ChangedBy} resumed it at {resumed.ChangedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)} ({resumed.Reason})");
        var now = time.GetUtcNow();

        await bus.Publish(new ResumeFencingCommand(reason, requestedBy, now), context.CancellationToken);
        return await RecordAsync(new OperatorActionRecord
        {
            RequestedBy = requestedBy,
            Action = "fencing-resume",
            Target = OperatorTargets.Cluster,
            Detail = reason,
            RequestedAt = now,
        }, context);
    }

    [OperatorCommand]
    public override async Task<OperatorAction> AcknowledgeFencingAlert(AcknowledgeFencingAlertRequest request, ServerCallContext context)
    {
        var recoveryId = Require.RecoveryId(request.RecoveryId, "recovery_id");
        var reason = Require.Reason(request.Reason, "reason");
        var requestedBy = Require.Operator(request.RequestedBy, "requested_by");
        var alert = (await alerts.UnacknowledgedAsync(context.CancellationToken)).FirstOrDefault(alert => alert.RecoveryId == recoveryId)
            ?? throw Require.FailedPrecondition($"recovery {recoveryId} has no fencing alert to acknowledge: it raised none, it has ended, or its latest alert was acknowledged");

        return await RecordAsync(new OperatorActionRecord
        {
            RequestedBy = requestedBy,
            Action = FencingAlerts.AcknowledgeAction,
            Target = OperatorTargets.Recovery(recoveryId),
            Detail = $"{alert.VmName} on {alert.HostName}: {reason}",
            RequestedAt = time.GetUtcNow(),
        }, context);
    }

    [OperatorCommand]
    public override async Task<RunPreflightResponse> RunPreflight(RunPreflightRequest request, ServerCallContext context)
    {
        if (request.WaitSeconds is < 0 or > 300) throw Require.Invalid($"wait_seconds: {request.WaitSeconds} is not between 1 and 300 (0 for 60)");
        var wait = TimeSpan.FromSeconds(request.WaitSeconds == 0 ? 60 : request.WaitSeconds);
        logger.LogInformation("Preflight asked for, waiting at most {Wait} s for the answers", wait.TotalSeconds);
        return PreflightMapping.ToResponse(await preflights.RunAsync(wait, context.CancellationToken));
    }

    private async Task<OperatorAction> RecordAsync(OperatorActionRecord action, ServerCallContext context)
    {
        var recorded = await actions.AddAsync(action, context.CancellationToken);
        logger.LogInformation("Operator {RequestedBy} asked {Action} on {Target}: {Detail} (action {ActionId}, from {Peer})",
            recorded.RequestedBy, recorded.Action, recorded.Target, recorded.Detail, recorded.Id, context.Peer);
        return recorded.ToProto();
    }
}
