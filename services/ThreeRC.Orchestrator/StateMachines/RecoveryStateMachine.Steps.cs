using MassTransit;
using Microsoft.Extensions.Logging;
using ThreeRC.Contracts.Hypervisor;
using ThreeRC.Contracts.Placement;
using ThreeRC.Contracts.Provisioning;
using ThreeRC.Contracts.Recovery;
using ThreeRC.Orchestrator.Persistence;

namespace ThreeRC.Orchestrator.StateMachines;

/// <summary>The steps of an incident: each sends one command, records one step and sets one deadline.</summary>
public sealed partial class RecoveryStateMachine
{
    /// <summary>Hypervisor work (reboot, fencing, restart) needs a storm-control slot; without one the incident waits in Queued.</summary>
    private async Task Dispatch(BehaviorContext<RecoveryState> context, PendingWork work, string detail)
    {
        var saga = context.Saga;
        var host = work == PendingWork.Restart ? saga.TargetHost : null;
        saga.HoldsSlot = await _slots.TryAcquireAsync(Session(context), saga.CorrelationId, saga.VmName, Vm(saga).Priority, host);
        if (!saga.HoldsSlot)
        {
            if (saga.Pending != work) await EnterStep(context, RecoveryStep.Queued, host, $"waiting for a recovery slot before {work}");
            saga.Pending = work;
            saga.SetDeadline(Now + _options.SlotRetryInterval);
            await context.TransitionToState(Queued);
            return;
        }

        saga.Pending = PendingWork.None;
        await (work switch
        {
            PendingWork.Reboot => RebootGuest(context, detail),
            PendingWork.Fence => FenceOldHost(context),
            _ => RestartOnTarget(context),
        });
    }

    private async Task RebootGuest(BehaviorContext<RecoveryState> context, string detail)
    {
        var saga = context.Saga;
        await EnterStep(context, RecoveryStep.Reboot, saga.CurrentHost, $"reboot the guest over SSH ({detail})");
        saga.SetDeadline(saga.LevelStartedAt + _inventory.Timers.RebootWait);
        await context.Publish(new RebootGuest(saga.RecoveryId, saga.VmName, NewId.NextGuid(), Now, saga.DeadlineAt!.Value));
        await context.TransitionToState(Rebooting);
    }

    private async Task StartPlacement(BehaviorContext<RecoveryState> context, string detail)
    {
        var saga = context.Saga;
        ReleaseSlot(context);
        // Once the VM runs on another host, a later level may stay there: only its lost host must be avoided, and
        // placement never chooses a host that is down.
        var relocate = saga.LostHost is not null && saga.LostHost == saga.CurrentHost;
        await EnterStep(context, RecoveryStep.Placement, null, relocate ? $"choose a host other than {saga.LostHost} ({detail})" : $"choose a host ({detail})");
        await context.Publish(new PlaceVm(saga.RecoveryId, saga.VmName, relocate, Vm(saga).Priority, Now));
        saga.SetDeadline(Now + _options.PlacementTimeout);
        await context.TransitionToState(Placing);
    }

    private async Task OnPlaced(BehaviorContext<RecoveryState> context, VmPlaced placed)
    {
        var saga = context.Saga;
        saga.CurrentHost = placed.PreviousHost ?? saga.CurrentHost;
        saga.TargetHost = placed.HostName;
        Annotate(context, $"placed on {placed.HostName}: {placed.Reason}");
        if (saga.CurrentHost is not null && saga.CurrentHost != saga.TargetHost)
        {
            saga.FenceAttempts = 0;
            saga.FencingSince = Now;
            await Dispatch(context, PendingWork.Fence, "");
        }
        else
        {
            await Dispatch(context, PendingWork.Restart, "");
        }
    }

    private async Task OnNoCapacity(BehaviorContext<RecoveryState> context, NoCapacity answer)
    {
        if (!answer.Queued)
        {
            await Fail(context, $"placement cannot place it: {answer.Reason}");
            return;
        }

        await EnterStep(context, RecoveryStep.AwaitingCapacity, null, answer.Reason);
        context.Saga.ClearDeadline();
        await context.TransitionToState(AwaitingCapacity);
    }

    private async Task FenceOldHost(BehaviorContext<RecoveryState> context)
    {
        var saga = context.Saga;
        var methods = FencingMethods(saga, saga.CurrentHost!);
        var method = methods[saga.FenceAttempts % methods.Count];
        var detail = $"make sure {saga.CurrentHost} no longer runs it ({method}, attempt {saga.FenceAttempts + 1}) before it starts on {saga.TargetHost}";
        if (saga.Steps.LastOrDefault()?.Step == RecoveryStep.Fencing) Annotate(context, detail);
        else await EnterStep(context, RecoveryStep.Fencing, saga.CurrentHost, detail);
        saga.SetDeadline(Now + _options.FenceTimeout);
        await context.Publish(new FenceHost(saga.RecoveryId, saga.VmName, NewId.NextGuid(), saga.CurrentHost!, method, saga.FenceAttempts + 1, Now, saga.DeadlineAt!.Value));
        await context.TransitionToState(Fencing);
    }

    private async Task OnFenced(BehaviorContext<RecoveryState> context, HostFenced fenced)
    {
        if (fenced.HostName != context.Saga.CurrentHost) return;
        Annotate(context, $"{fenced.HostName} fenced ({fenced.Method})");
        await Dispatch(context, PendingWork.Restart, "");
    }

    private async Task OnFenceFailed(BehaviorContext<RecoveryState> context, FenceFailed failure)
    {
        var saga = context.Saga;
        if (failure.HostName != saga.CurrentHost) return;
        saga.FenceAttempts++;
        Annotate(context, $"fencing {failure.HostName} ({failure.Method}) failed: {failure.Reason}");
        if (FencingTimedOut(saga))
        {
            await Fail(context, $"{failure.HostName} could not be fenced, so {saga.VmName} was not started elsewhere: {failure.Reason}");
            return;
        }

        var methods = FencingMethods(saga, failure.HostName).Count;
        var round = (saga.FenceAttempts - 1) / methods;
        if (saga.FenceAttempts % methods == 0)
            await context.Publish(new FencingAlert(saga.RecoveryId, saga.VmName, failure.HostName, failure.Reason, saga.FenceAttempts, Now));
        var backoff = TimeSpan.FromTicks(Math.Min(_options.FenceRetryMax.Ticks, _options.FenceRetryInitial.Ticks << Math.Min(round, 20)));
        saga.Pending = PendingWork.Fence;
        saga.SetDeadline(Now + backoff);
    }

    private async Task RestartOnTarget(BehaviorContext<RecoveryState> context)
    {
        var saga = context.Saga;
        var target = saga.TargetHost!;
        var previous = saga.CurrentHost != target ? saga.CurrentHost : null;
        var reinstall = saga.Level == RecoveryLevel.Reinstall;
        await EnterStep(context, reinstall ? RecoveryStep.Reinstall : RecoveryStep.Restart, target,
            reinstall ? $"boot the installer on {target}" : previous is null ? $"power-cycle it on {target}" : $"start it on {target} (moved from {previous})");
        // The install budget is the installer's: it counts from its boot, not from a wait for capacity before it.
        saga.SetDeadline(Now + (reinstall ? _inventory.Timers.InstallBudget : _inventory.Timers.RestartWait));
        await context.Publish(new RestartVm(saga.RecoveryId, saga.VmName, NewId.NextGuid(), target, previous, Now, saga.DeadlineAt!.Value));
        await context.TransitionToState(Restarting);
    }

    private void OnRestarted(BehaviorContext<RecoveryState> context, VmRestarted restarted)
    {
        context.Saga.CurrentHost = restarted.HostName;
        Annotate(context, $"running on {restarted.HostName}: {string.Join("; ", restarted.Commands)}");
        ReleaseSlot(context);
    }

    private Task OnRestartFailed(BehaviorContext<RecoveryState> context, VmRestartFailed failure)
    {
        var saga = context.Saga;
        var reason = $"the restart on {failure.HostName} failed: {failure.Reason}";
        if (++saga.FailedRestarts >= _options.RestartAttempts) return Escalate(context, reason);
        Annotate(context, reason);
        return StartPlacement(context, $"{reason}; trying another host");
    }

    private async Task StartReinstall(BehaviorContext<RecoveryState> context, string detail)
    {
        var saga = context.Saga;
        var vm = Vm(saga);
        if (!vm.ReinstallAllowed || vm.Profile is null)
        {
            await Fail(context, $"reinstall is disabled for {vm.Name}; last: {detail}");
            return;
        }

        ReleaseSlot(context);
        await EnterStep(context, RecoveryStep.Reinstall, null, $"point its PXE entry at profile {vm.Profile} ({detail})");
        saga.SetDeadline(saga.LevelStartedAt + _inventory.Timers.InstallBudget);
        await context.Publish(new PrepareReinstall(saga.RecoveryId, vm.Name, NewId.NextGuid(), vm.Profile, Now, saga.DeadlineAt!.Value));
        await context.TransitionToState(Reinstalling);
    }

    private Task OnDeadline(BehaviorContext<RecoveryState> context)
    {
        var saga = context.Saga;
        saga.ClearDeadline();
        return saga.CurrentState switch
        {
            nameof(Queued) => Dispatch(context, saga.Pending, "a slot is free"),
            nameof(Rebooting) => Escalate(context, $"no heartbeat within T1 ({_inventory.Timers.RebootWait}) of the guest reboot"),
            nameof(Placing) => StartPlacement(context, "placement did not answer; asking again"),
            nameof(Fencing) when FencingTimedOut(saga) => Fail(context, $"{saga.CurrentHost} could not be fenced within T2, so {saga.VmName} was not started elsewhere"),
            nameof(Fencing) => Dispatch(context, PendingWork.Fence, ""),
            nameof(Restarting) when saga.Level == RecoveryLevel.Reinstall =>
                Fail(context, $"the reinstall did not bring it back within the install budget ({_inventory.Timers.InstallBudget})"),
            nameof(Restarting) => Escalate(context, $"no heartbeat within T2 ({_inventory.Timers.RestartWait}) of the restart"),
            _ => Escalate(context, "the provisioner did not answer"),
        };
    }

    /// <summary>Gives back the storm-control slot, if the incident holds one (a waiting incident holds none but is queued for one).</summary>
    private static void ReleaseSlot(BehaviorContext<RecoveryState> context)
    {
        var saga = context.Saga;
        if (!saga.HoldsSlot && saga.Pending == PendingWork.None) return;
        Session(context).Enlist(RecoverySlots.Release(saga.CorrelationId));
        saga.HoldsSlot = false;
    }

    private bool FencingTimedOut(RecoveryState saga) => Now - saga.FencingSince >= _inventory.Timers.RestartWait;

    /// <summary>
    /// A lost host is fenced by the inventory's methods, in order. A host that is up only has the VM powered off
    /// through its hypervisor: powering off a healthy host, and every VM on it, to move one VM would cause the
    /// outage it means to prevent. If that fails, the VM is not started elsewhere and an operator is alerted.
    /// </summary>
    private IReadOnlyList<FenceMethod> FencingMethods(RecoveryState saga, string host) =>
        saga.LostHost != host ? [FenceMethod.Hypervisor]
        : _inventory.FindHost(host)?.Fencing.Select(f => f.Method).ToList() is { Count: > 0 } methods ? methods : [FenceMethod.Hypervisor];

    private async Task EnterStep(BehaviorContext<RecoveryState> context, RecoveryStep step, string? host, string detail)
    {
        var saga = context.Saga;
        var now = Now;
        saga.BeginStep(step, host, detail, now);
        _logger.LogInformation("Recovery {RecoveryId} of {Vm}: {Step} {Host}: {Detail}", saga.RecoveryId, saga.VmName, step, host, detail);
        await context.Publish(new RecoveryStepStarted(saga.RecoveryId, saga.VmName, step, host, detail, now));
    }

    private void Annotate(BehaviorContext<RecoveryState> context, string note)
    {
        var saga = context.Saga;
        if (saga.Steps.Count > 0) saga.Steps[^1].Detail += $"; {note}";
        _logger.LogInformation("Recovery {RecoveryId} of {Vm}: {Note}", saga.RecoveryId, saga.VmName, note);
    }
}
