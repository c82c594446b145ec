using MassTransit;
using Microsoft.Extensions.Logging;
using ThreeRC.Contracts.Monitoring;
using ThreeRC.Contracts.Recovery;
using ThreeRC.Orchestrator.StateMachines.Activities;

namespace ThreeRC.Orchestrator.StateMachines;

/// <summary>
/// One instance per VM (paper §4.5, §5.2): reboot the guest, wait T1; restart it through the hypervisor on the host
/// placement chooses, fencing every host that may still run it first, wait T2; reinstall it over PXE, wait the install
/// budget; then fail and wait for an operator. The VM reporting again ends the incident at any step. Each state below
/// names the events it takes and where each leads; the steps (<see cref="RecoverySteps"/>) send the commands.
/// </summary>
public sealed partial class RecoveryStateMachine : MassTransitStateMachine<RecoveryState>
{
    private readonly RecoverySteps _steps;
    private readonly RecoveryIncidents _incidents;
    private readonly ILogger<RecoveryStateMachine> _logger;

    public RecoveryStateMachine(RecoverySteps steps, RecoveryIncidents incidents, ILogger<RecoveryStateMachine> logger)
    {
        _steps = steps;
        _incidents = incidents;
        _logger = logger;
        InstanceState(x => x.CurrentState);
        DeclareEvents();

        Initially(
            When(HostDown, c => c.Message.Kind == HostKind.Physical).Finalize(),
            When(HostDown, c => c.Message.Kind == HostKind.Virtual && !_incidents.IsVm(c.Message.Name)).Then(c => _incidents.Drop(c.Message.Name, nameof(HostUnresponsive))).Finalize(),
            Open(When(HostDown, c => c.Message.Kind == HostKind.Virtual && _incidents.IsVm(c.Message.Name)).Activity(x => x.OfType<MassFailureActivity>()),
                m => m.Name, Silence),
            When(Requested, c => !_incidents.IsVm(c.Message.VmName)).Then(c => _incidents.Drop(c.Message.VmName, nameof(RecoveryRequested))).Finalize(),
            Open(When(Requested, c => _incidents.IsVm(c.Message.VmName)), m => m.VmName, Request));

        // Two monitors report a silence each, and two orchestrators may handle the reports in either order: a report
        // decided before the VM's last heartbeat comes after the incident it belonged to, and opens none.
        During(Healthy,
            When(HostDown, c => IsOver(c.Saga, c.Message)).Then(c => _incidents.Outdated(c.Saga, c.Message)),
            Open(When(HostDown, c => !IsOver(c.Saga, c.Message)).Activity(x => x.OfType<MassFailureActivity>()), m => m.Name, Silence),
            Open(When(Requested), m => m.VmName, Request));

        During(LeftAlone,
            When(HostUp).TransitionTo(Healthy),
            Open(When(Requested), m => m.VmName, Request));

        During(Failed,
            When(HostUp).Then(c => c.Saga.Steps.Clear()).TransitionTo(Healthy),
            Open(When(Requested), m => m.VmName, Request));

        During(QueuedForReboot,
            Reboot(When(DeadlineReached, IsDue), _ => "a slot is free"));

        During(Rebooting,
            When(RebootIssued, c => c.Saga.Expects(c.Message.CommandId)).Then(c => _steps.Note(c, c.Message.Command)),
            Escalate(When(RebootFailed, c => c.Saga.Expects(c.Message.CommandId)), c => $"the guest reboot failed: {c.Message.Reason}"),
            Escalate(When(DeadlineReached, IsDue), _ => $"no heartbeat within T1 ({_steps.Timers.RebootWait}) of the guest reboot"));

        During(Placing,
            When(NoRoom, c => c.Saga.Serves(c.Message.RecoveryId) && c.Saga.Expects(c.Message.RequestId)).IfElse(c => c.Message.Queued,
                wait => wait.Then(c => _steps.AwaitCapacity(c, c.Message.Reason)).TransitionTo(AwaitingCapacity),
                never => Fail(never, c => $"placement cannot place it: {c.Message.Reason}")),
            Place(When(DeadlineReached, IsDue), _ => "placement did not answer; asking again"));

        During(Placing, AwaitingCapacity,
            FenceOrStart(When(Placed, c => c.Saga.Serves(c.Message.RecoveryId) && c.Saga.Expects(c.Message.RequestId)).Then(c => _steps.Placed(c, c.Message))));

        During(QueuedForFencing,
            Fence(When(DeadlineReached, IsDue)));

        During(Fencing,
            When(Fenced, c => c.Saga.Expects(c.Message.CommandId)).Then(c => _steps.Fenced(c, c.Message))
                .IfElse(c => c.Saga.NextToFence() is not null, next => next.Then(_steps.Fence), done => Start(done)),
            When(FencingFailed, c => c.Saga.Expects(c.Message.CommandId)).Then(c => _steps.FenceFailed(c, c.Message))
                .If(c => _steps.FencingTimedOut(c.Saga), timedOut => Fail(timedOut,
                    c => $"{c.Message.HostName} could not be fenced, so {c.Saga.VmName} was not started elsewhere: {c.Message.Reason}")),
            When(DeadlineReached, IsDue).IfElse(c => _steps.FencingTimedOut(c.Saga),
                timedOut => Fail(timedOut, c => $"{c.Saga.NextToFence()} could not be fenced within T2, so {c.Saga.VmName} was not started elsewhere"),
                again => again.Then(_steps.Fence)));

        During(QueuedForRestart, QueuedForInstaller,
            Start(When(DeadlineReached, IsDue)));

        During(Restarting, BootingInstaller,
            When(Restarted, c => c.Saga.Expects(c.Message.CommandId)).Then(c => _steps.Restarted(c, c.Message)).Activity(x => x.OfInstanceType<ReleaseSlotActivity>()),
            When(RestartFailed, c => c.Saga.Expects(c.Message.CommandId)).Then(c => _steps.RestartFailed(c, c.Message))
                .IfElse(c => _steps.RestartsExhausted(c.Saga),
                    exhausted => Escalate(exhausted, c => RecoverySteps.RestartFailure(c.Message)),
                    again => Place(again.Then(c => _steps.Note(c, RecoverySteps.RestartFailure(c.Message))),
                        c => $"{RecoverySteps.RestartFailure(c.Message)}; trying another host")));

        During(Restarting,
            Escalate(When(DeadlineReached, IsDue), _ => $"no heartbeat within T2 ({_steps.Timers.RestartWait}) of the restart"));

        During(BootingInstaller,
            Fail(When(DeadlineReached, IsDue), _ => $"the reinstall did not bring it back within the install budget ({_steps.Timers.InstallBudget})"));

        During(PreparingInstaller,
            Place(When(Prepared, c => c.Saga.Expects(c.Message.CommandId)), c => $"reinstall prepared: {c.Message.PxeConfigFile}"),
            Fail(When(Refused, c => c.Saga.Expects(c.Message.CommandId)), c => $"the reinstall was refused: {c.Message.Reason}"),
            Escalate(When(DeadlineReached, IsDue), _ => "the provisioner did not answer"));

        DuringAny(
            When(HostUp).Then(c => c.Saga.HeardAgainAt = c.Saga.HeardAgainAt > c.Message.LastHeardAt ? c.Saga.HeardAgainAt : c.Message.LastHeardAt));

        // Likewise a late HostResponsive of an earlier incident: the VM was heard after it, then fell silent again.
        During(Incident,
            Recover(When(HostUp, c => !(c.Message.LastHeardAt < c.Saga.LastHeardAt)), c => $"{c.Saga.VmName} reports to Ganglia again"),
            When(Installed, c => c.Saga.Serves(c.Message.RecoveryId)).Then(c => _steps.Note(c, "the installer called back")));

        During([.. Incident.Except([PreparingInstaller])], Reconsider(replaceLostTarget: true));
        During(PreparingInstaller, Reconsider(replaceLostTarget: false));

        SetCompletedWhenFinalized();
        OnUnhandledEvent(c =>
        {
            _logger.LogDebug("{Vm}: {Event} ignored in state {State}", c.Saga.VmName, c.Event.Name, c.Saga.CurrentState);
            return Task.CompletedTask;
        });
    }

    /// <summary>Silent, but in maintenance (or on a host in maintenance): recovered if still silent when maintenance ends.</summary>
    public State LeftAlone { get; private set; } = null!;

    public State Healthy { get; private set; } = null!;

    public State QueuedForReboot { get; private set; } = null!;

    public State Rebooting { get; private set; } = null!;

    public State Placing { get; private set; } = null!;

    public State AwaitingCapacity { get; private set; } = null!;

    public State QueuedForFencing { get; private set; } = null!;

    public State Fencing { get; private set; } = null!;

    public State QueuedForRestart { get; private set; } = null!;

    public State Restarting { get; private set; } = null!;

    public State PreparingInstaller { get; private set; } = null!;

    public State QueuedForInstaller { get; private set; } = null!;

    public State BootingInstaller { get; private set; } = null!;

    public State Failed { get; private set; } = null!;

    /// <summary>The states of an open incident.</summary>
    private State[] Incident =>
    [
        QueuedForReboot, Rebooting, Placing, AwaitingCapacity, QueuedForFencing, Fencing, QueuedForRestart, Restarting,
        PreparingInstaller, QueuedForInstaller, BootingInstaller,
    ];

    private static IncidentCause Silence(HostUnresponsive down) => new(down.Reason, RecoveryLevel.Reboot, down.LastHeardAt, null);

    private static IncidentCause Request(RecoveryRequested request) => new(request.Reason, request.StartLevel, null, request.LostHost);

    private static bool IsOver(RecoveryState saga, HostUnresponsive down) => down.DetectedAt < saga.HeardAgainAt;

    private static bool IsDue(BehaviorContext<RecoveryState, RecoveryDeadlineReached> context) => context.Saga.DeadlineToken == context.Message.Token;
}
