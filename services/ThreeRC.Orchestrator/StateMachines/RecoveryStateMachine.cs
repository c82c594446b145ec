using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ThreeRC.Contracts.Hypervisor;
using ThreeRC.Contracts.Monitoring;
using ThreeRC.Contracts.Placement;
using ThreeRC.Contracts.Provisioning;
using ThreeRC.Contracts.Recovery;
using ThreeRC.Inventory.Model;
using ThreeRC.Orchestrator.Options;
using ThreeRC.Orchestrator.Persistence;

namespace ThreeRC.Orchestrator.StateMachines;

/// <summary>
/// One instance per VM (paper §4.5, §5.2): reboot the guest, wait T1; restart it through the hypervisor on the
/// host placement chooses, fencing the old host first when it moves, wait T2; reinstall it over PXE, wait the
/// install budget; then fail and wait for an operator. The VM reporting again ends the incident at any step.
/// </summary>
public sealed partial class RecoveryStateMachine : MassTransitStateMachine<RecoveryState>
{
    private readonly ClusterInventory _inventory;
    private readonly OrchestratorOptions _options;
    private readonly TimeProvider _time;
    private readonly RecoverySlots _slots;
    private readonly IncidentGuards _guards;
    private readonly ILogger<RecoveryStateMachine> _logger;

    public RecoveryStateMachine(
        ClusterInventory inventory,
        IOptions<OrchestratorOptions> options,
        TimeProvider time,
        RecoverySlots slots,
        IncidentGuards guards,
        ILogger<RecoveryStateMachine> logger)
    {
        _inventory = inventory;
        _options = options.Value;
        _time = time;
        _slots = slots;
        _guards = guards;
        _logger = logger;

        InstanceState(x => x.CurrentState);
        Event(() => HostDown, e => e.CorrelateById(c => VmIds.For(c.Message.Name)));
        Event(() => Requested, e => e.CorrelateById(c => VmIds.For(c.Message.VmName)));
        Event(() => HostUp, e => ForExistingVm(e, m => m.Name));
        Event(() => DeadlineReached, e => e.CorrelateById(c => c.Message.CorrelationId).OnMissingInstance(m => m.Discard()));
        Event(() => RebootIssued, e => ForExistingVm(e, m => m.VmName));
        Event(() => RebootFailed, e => ForExistingVm(e, m => m.VmName));
        Event(() => Placed, e => ForExistingVm(e, m => m.VmName));
        Event(() => NoRoom, e => ForExistingVm(e, m => m.VmName));
        Event(() => Fenced, e => ForExistingVm(e, m => m.VmName));
        Event(() => FencingFailed, e => ForExistingVm(e, m => m.VmName));
        Event(() => Restarted, e => ForExistingVm(e, m => m.VmName));
        Event(() => RestartFailed, e => ForExistingVm(e, m => m.VmName));
        Event(() => Prepared, e => ForExistingVm(e, m => m.VmName));
        Event(() => Refused, e => ForExistingVm(e, m => m.VmName));
        Event(() => Installed, e => ForExistingVm(e, m => m.VmName));

        Initially(
            When(HostDown, c => c.Message.Kind == HostKind.Physical).Finalize(),
            When(HostDown, c => c.Message.Kind == HostKind.Virtual && !IsVm(c.Message.Name))
                .Then(c => Dropped(c.Message.Name, nameof(HostUnresponsive))).Finalize(),
            When(HostDown, c => c.Message.Kind == HostKind.Virtual && IsVm(c.Message.Name)).ThenAsync(c => Begin(c, c.Message.Name, c.Message.Reason, RecoveryLevel.Reboot, c.Message.LastHeardAt, null)),
            When(Requested, c => !IsVm(c.Message.VmName)).Then(c => Dropped(c.Message.VmName, nameof(RecoveryRequested))).Finalize(),
            When(Requested, c => IsVm(c.Message.VmName)).ThenAsync(c => Begin(c, c.Message.VmName, c.Message.Reason, c.Message.StartLevel, null, c.Message.LostHost)));

        During(Healthy,
            When(HostDown).ThenAsync(c => Begin(c, c.Message.Name, c.Message.Reason, RecoveryLevel.Reboot, c.Message.LastHeardAt, null)),
            When(Requested).ThenAsync(c => Begin(c, c.Message.VmName, c.Message.Reason, c.Message.StartLevel, null, c.Message.LostHost)));

        During(Failed,
            When(HostUp).Then(c => c.Saga.Steps.Clear()).TransitionTo(Healthy),
            When(Requested).ThenAsync(c => Begin(c, c.Message.VmName, c.Message.Reason, c.Message.StartLevel, null, c.Message.LostHost)));

        During([Queued, Rebooting, Placing, AwaitingCapacity, Fencing, Restarting, Reinstalling],
            When(HostUp).ThenAsync(c => Recover(c, $"{c.Saga.VmName} reports to Ganglia again")),
            When(Requested).ThenAsync(c => Reconsider(c, c.Message)),
            When(DeadlineReached, c => c.Saga.DeadlineToken == c.Message.Token).ThenAsync(OnDeadline),
            When(Installed, c => IsCurrent(c.Saga, c.Message.RecoveryId)).Then(c => Annotate(c, "the installer called back")));

        During(Rebooting,
            When(RebootIssued, c => IsCurrent(c.Saga, c.Message.RecoveryId)).Then(c => Annotate(c, c.Message.Command)),
            When(RebootFailed, c => IsCurrent(c.Saga, c.Message.RecoveryId)).ThenAsync(c => Escalate(c, $"the guest reboot failed: {c.Message.Reason}")));

        During(Placing, AwaitingCapacity,
            When(Placed, c => IsCurrent(c.Saga, c.Message.RecoveryId)).ThenAsync(c => OnPlaced(c, c.Message)));

        During(Placing,
            When(NoRoom, c => IsCurrent(c.Saga, c.Message.RecoveryId)).ThenAsync(c => OnNoCapacity(c, c.Message)));

        During(Fencing,
            When(Fenced, c => IsCurrent(c.Saga, c.Message.RecoveryId)).ThenAsync(c => OnFenced(c, c.Message)),
            When(FencingFailed, c => IsCurrent(c.Saga, c.Message.RecoveryId)).ThenAsync(c => OnFenceFailed(c, c.Message)));

        During(Restarting,
            When(Restarted, c => IsCurrent(c.Saga, c.Message.RecoveryId)).Then(c => OnRestarted(c, c.Message)),
            When(RestartFailed, c => IsCurrent(c.Saga, c.Message.RecoveryId)).ThenAsync(c => OnRestartFailed(c, c.Message)));

        During(Reinstalling,
            When(Prepared, c => IsCurrent(c.Saga, c.Message.RecoveryId)).ThenAsync(c => StartPlacement(c, $"reinstall prepared: {c.Message.PxeConfigFile}")),
            When(Refused, c => IsCurrent(c.Saga, c.Message.RecoveryId)).ThenAsync(c => Fail(c, $"the reinstall was refused: {c.Message.Reason}")));

        SetCompletedWhenFinalized();
        OnUnhandledEvent(c =>
        {
            _logger.LogDebug("{Vm}: {Event} ignored in state {State}", c.Saga.VmName, c.Event.Name, c.Saga.CurrentState);
            return Task.CompletedTask;
        });
    }

    public State Healthy { get; private set; } = null!;

    public State Queued { get; private set; } = null!;

    public State Rebooting { get; private set; } = null!;

    public State Placing { get; private set; } = null!;

    public State AwaitingCapacity { get; private set; } = null!;

    public State Fencing { get; private set; } = null!;

    public State Restarting { get; private set; } = null!;

    public State Reinstalling { get; private set; } = null!;

    public State Failed { get; private set; } = null!;

    public Event<HostUnresponsive> HostDown { get; private set; } = null!;

    public Event<HostResponsive> HostUp { get; private set; } = null!;

    public Event<RecoveryRequested> Requested { get; private set; } = null!;

    public Event<RecoveryDeadlineReached> DeadlineReached { get; private set; } = null!;

    public Event<GuestRebootIssued> RebootIssued { get; private set; } = null!;

    public Event<GuestRebootFailed> RebootFailed { get; private set; } = null!;

    public Event<VmPlaced> Placed { get; private set; } = null!;

    public Event<NoCapacity> NoRoom { get; private set; } = null!;

    public Event<HostFenced> Fenced { get; private set; } = null!;

    public Event<FenceFailed> FencingFailed { get; private set; } = null!;

    public Event<VmRestarted> Restarted { get; private set; } = null!;

    public Event<VmRestartFailed> RestartFailed { get; private set; } = null!;

    public Event<ReinstallPrepared> Prepared { get; private set; } = null!;

    public Event<ReinstallRefused> Refused { get; private set; } = null!;

    public Event<InstallCompleted> Installed { get; private set; } = null!;
}
