using MassTransit;
using ThreeRC.Contracts.Recovery;
using ThreeRC.Orchestrator.StateMachines.Activities;

namespace ThreeRC.Orchestrator.StateMachines;

/// <summary>The transitions several states share: each does its step and names the state it leads to.</summary>
public sealed partial class RecoveryStateMachine
{
    /// <summary>Opens an incident unless the VM or its host is in maintenance; a VM that keeps crashing fails at once (flapping).</summary>
    private EventActivityBinder<RecoveryState, T> Open<T>(EventActivityBinder<RecoveryState, T> binder, Func<T, string> vm, Func<T, IncidentCause> cause)
        where T : class =>
        binder.Then(c => _incidents.Identify(c.Saga, vm(c.Message)))
            .Activity(x => x.OfInstanceType<IncidentGuardActivity>())
            .IfElse(c => c.Saga.Maintenance is not null,
                alone => alone.Then(c => _incidents.LeaveAlone(c.Saga, cause(c.Message).Trigger)).TransitionTo(LeftAlone),
                open => open.Then(c => _incidents.Open(c, cause(c.Message)))
                    .IfElse(c => _incidents.IsFlapping(c.Saga),
                        flapping => Fail(flapping, c => _incidents.Flapping(c.Saga)),
                        first => RunLevel(first, c => c.Saga.Trigger)));

    /// <summary>The first step of the incident's level: reboot the guest, place it for a restart, or prepare its reinstall.</summary>
    private EventActivityBinder<RecoveryState, T> RunLevel<T>(EventActivityBinder<RecoveryState, T> binder, Func<BehaviorContext<RecoveryState, T>, string> why)
        where T : class =>
        binder.IfElse(c => c.Saga.Level == RecoveryLevel.Reboot,
            reboot => Reboot(reboot, why),
            later => later.IfElse(c => c.Saga.Level == RecoveryLevel.Restart,
                restart => Place(restart, why),
                reinstall => reinstall.IfElse(c => _steps.MayReinstall(c.Saga),
                    allowed => allowed.Activity(x => x.OfInstanceType<ReleaseSlotActivity>()).Then(c => _steps.PrepareInstaller(c, why(c)))
                        .TransitionTo(PreparingInstaller),
                    refused => Fail(refused, c => $"reinstall is disabled for {c.Saga.VmName}; last: {why(c)}"))));

    private EventActivityBinder<RecoveryState, T> Escalate<T>(EventActivityBinder<RecoveryState, T> binder, Func<BehaviorContext<RecoveryState, T>, string> why)
        where T : class =>
        binder.IfElse(c => c.Saga.Level == RecoveryLevel.Reinstall,
            last => Fail(last, c => $"every intervention was tried; last: {why(c)}"),
            next => RunLevel(next.Then(c => _incidents.RaiseTo(c.Saga, c.Saga.Level + 1, why(c))), why));

    private EventActivityBinder<RecoveryState, T> Reboot<T>(EventActivityBinder<RecoveryState, T> binder, Func<BehaviorContext<RecoveryState, T>, string> why)
        where T : class =>
        Gate<ClusterSlotActivity, T>(binder, "the guest reboot", onTarget: false, c => _steps.RebootGuest(c, why(c)), Rebooting, QueuedForReboot);

    private EventActivityBinder<RecoveryState, T> Place<T>(EventActivityBinder<RecoveryState, T> binder, Func<BehaviorContext<RecoveryState, T>, string> why)
        where T : class =>
        binder.Activity(x => x.OfInstanceType<ReleaseSlotActivity>()).Then(c => _steps.Place(c, why(c))).TransitionTo(Placing);

    /// <summary>Placed: every other host that may run the VM is fenced first, one after the other; then it starts on its target.</summary>
    private EventActivityBinder<RecoveryState, T> FenceOrStart<T>(EventActivityBinder<RecoveryState, T> binder)
        where T : class =>
        binder.IfElse(c => c.Saga.NextToFence() is not null, fence => Fence(fence), start => Start(start));

    private EventActivityBinder<RecoveryState, T> Fence<T>(EventActivityBinder<RecoveryState, T> binder)
        where T : class =>
        Gate<ClusterSlotActivity, T>(binder, "fencing", onTarget: false, _steps.Fence, Fencing, QueuedForFencing);

    /// <summary>Starts the VM on its target: a restart, or at the reinstall level the installer's boot.</summary>
    private EventActivityBinder<RecoveryState, T> Start<T>(EventActivityBinder<RecoveryState, T> binder)
        where T : class =>
        binder.IfElse(c => c.Saga.Level == RecoveryLevel.Reinstall,
            installer => Gate<HostSlotActivity, T>(installer, "the installer's boot", onTarget: true, _steps.BootInstaller, BootingInstaller, QueuedForInstaller),
            restart => Gate<HostSlotActivity, T>(restart, "the restart", onTarget: true, _steps.Restart, Restarting, QueuedForRestart));

    /// <summary>Hypervisor work starts with a storm-control slot and while the mass-failure brake is released; otherwise it waits in <paramref name="queued"/>.</summary>
    private EventActivityBinder<RecoveryState, T> Gate<TSlot, T>(EventActivityBinder<RecoveryState, T> binder, string work, bool onTarget,
        Action<BehaviorContext<RecoveryState, T>> step, State active, State queued)
        where TSlot : SlotActivity
        where T : class =>
        binder.Activity(x => x.OfInstanceType<TSlot>())
            .IfElse(c => c.Saga.HoldsSlot,
                go => go.Then(step).TransitionTo(active),
                wait => wait.Then(c => _steps.Queue(c, work, onTarget ? c.Saga.TargetHost : null)).TransitionTo(queued));

    private EventActivityBinder<RecoveryState, T> Recover<T>(EventActivityBinder<RecoveryState, T> binder, Func<BehaviorContext<RecoveryState, T>, string> why)
        where T : class =>
        binder.Activity(x => x.OfInstanceType<ReleaseSlotActivity>()).Then(c => _incidents.Complete(c, RecoveryOutcome.Recovered, why(c))).TransitionTo(Healthy);

    private EventActivityBinder<RecoveryState, T> Fail<T>(EventActivityBinder<RecoveryState, T> binder, Func<BehaviorContext<RecoveryState, T>, string> why)
        where T : class =>
        binder.Activity(x => x.OfInstanceType<ReleaseSlotActivity>()).Then(c => _incidents.Complete(c, RecoveryOutcome.Failed, why(c))).TransitionTo(Failed);

    /// <summary>
    /// A request during an incident asks for more: the VM's host (or its restart's target) was lost, so it must leave
    /// it; or an operator wants a higher level. Anything else is already under way.
    /// </summary>
    private EventActivities<RecoveryState>[] Reconsider(bool replaceLostTarget) =>
    [
        When(Requested, c => RecoveryIncidents.LosesItsHost(c.Saga, c.Message)).Then(c => c.Saga.LostHost = c.Message.LostHost)
            .IfElse(c => c.Saga.Level < RecoveryLevel.Restart,
                raise => Place(raise.Then(c => _incidents.RaiseTo(c.Saga, RecoveryLevel.Restart, c.Message.Reason)), c => c.Message.Reason),
                moving => moving.If(c => replaceLostTarget && c.Message.LostHost == c.Saga.TargetHost,
                    replace => Place(replace, c => $"{c.Message.LostHost} was lost: placing again elsewhere"))),
        RunLevel(When(Requested, c => !RecoveryIncidents.LosesItsHost(c.Saga, c.Message) && c.Message.StartLevel > c.Saga.Level)
                .Then(c => _incidents.RaiseTo(c.Saga, c.Message.StartLevel, $"{c.Message.RequestedBy}: {c.Message.Reason}")),
            c => $"{c.Message.RequestedBy}: {c.Message.Reason}"),
        When(Requested, c => !RecoveryIncidents.LosesItsHost(c.Saga, c.Message) && c.Message.StartLevel <= c.Saga.Level)
            .Then(c => _incidents.Ignore(c.Saga, c.Message)),
    ];
}
