using MassTransit;
using Microsoft.Extensions.Logging;
using ThreeRC.Contracts.Recovery;
using ThreeRC.Inventory.Model;
using ThreeRC.Persistence.Sagas;

namespace ThreeRC.Orchestrator.StateMachines;

/// <summary>How an incident begins, escalates and ends.</summary>
public sealed partial class RecoveryStateMachine
{
    private DateTimeOffset Now => _time.GetUtcNow();

    private async Task Begin(BehaviorContext<RecoveryState> context, string vmName, string trigger, RecoveryLevel requested, DateTimeOffset? lastHeard, string? lostHost)
    {
        var saga = context.Saga;
        var vm = _inventory.FindVm(vmName)!;
        saga.VmName = vm.Name;
        saga.CurrentHost ??= vm.HomeHost;
        var guard = await _guards.CheckAsync(Session(context).Connection, vm.Name, saga.CurrentHost);
        if (guard.Maintenance is { } maintenance)
        {
            _logger.LogInformation("{Vm} is down ({Trigger}) but left alone: {Maintenance}", vm.Name, trigger, maintenance);
            await context.TransitionToState(Healthy);
            return;
        }

        if (lostHost is null && guard.HostDown) lostHost = saga.CurrentHost;
        var now = Now;
        saga.RecentIncidents.RemoveAll(at => at < now - _options.FlapWindow);
        var previous = saga.RecentIncidents.Count;
        var level = Max(requested, lostHost is null ? RecoveryLevel.Reboot : RecoveryLevel.Restart);
        if (previous > 0 && saga.LastRecoveredLevel is { } last && last < RecoveryLevel.Reinstall) level = Max(level, last + 1);

        saga.RecoveryId = NewId.NextGuid();
        saga.Level = level;
        saga.Trigger = trigger;
        saga.LastHeardAt = lastHeard;
        saga.StartedAt = now;
        saga.LostHost = lostHost;
        saga.TargetHost = null;
        saga.FenceAttempts = 0;
        saga.FailedRestarts = 0;
        saga.FencingSince = null;
        saga.LevelStartedAt = now;
        saga.Pending = PendingWork.None;
        saga.Steps.Clear();
        _logger.LogWarning("Recovery {RecoveryId} of {Vm} begins at {Level}: {Trigger}", saga.RecoveryId, vm.Name, level, trigger);
        await context.Publish(new RecoveryStarted(saga.RecoveryId, vm.Name, level, trigger, lastHeard, now));

        if (previous >= _options.FlapLimit)
            await Fail(context, $"flapping: {previous + 1} incidents within {_options.FlapWindow}");
        else
            await RunLevel(context, trigger);
    }

    /// <summary>An event during an incident asks for more: its host was lost, or an operator wants a higher level.</summary>
    private async Task Reconsider(BehaviorContext<RecoveryState> context, RecoveryRequested request)
    {
        var saga = context.Saga;
        if (request.LostHost is { } lost && (lost == saga.CurrentHost || lost == saga.TargetHost))
        {
            saga.LostHost = lost;
            if (saga.Level < RecoveryLevel.Restart)
            {
                saga.Level = RecoveryLevel.Restart;
                saga.LevelStartedAt = Now;
                await StartPlacement(context, request.Reason);
            }
            else if (lost == saga.TargetHost && context.Saga.CurrentState != nameof(Reinstalling))
            {
                await StartPlacement(context, $"{lost} was lost: placing again elsewhere");
            }
        }
        else if (request.StartLevel > saga.Level)
        {
            saga.Level = request.StartLevel;
            saga.LevelStartedAt = Now;
            await RunLevel(context, $"{request.RequestedBy}: {request.Reason}");
        }
        else
        {
            _logger.LogInformation("{Vm}: {Request} ignored, recovery {RecoveryId} already runs at {Level}", saga.VmName, request, saga.RecoveryId, saga.Level);
        }
    }

    private Task RunLevel(BehaviorContext<RecoveryState> context, string detail) => context.Saga.Level switch
    {
        RecoveryLevel.Reboot => Dispatch(context, PendingWork.Reboot, detail),
        RecoveryLevel.Restart => StartPlacement(context, detail),
        _ => StartReinstall(context, detail),
    };

    private Task Escalate(BehaviorContext<RecoveryState> context, string reason)
    {
        var saga = context.Saga;
        if (saga.Level == RecoveryLevel.Reinstall) return Fail(context, $"every intervention was tried; last: {reason}");
        saga.Level++;
        saga.LevelStartedAt = Now;
        saga.FailedRestarts = 0;
        _logger.LogWarning("Recovery {RecoveryId} of {Vm} escalates to {Level}: {Reason}", saga.RecoveryId, saga.VmName, saga.Level, reason);
        return RunLevel(context, reason);
    }

    private async Task Recover(BehaviorContext<RecoveryState> context, string reason)
    {
        var saga = context.Saga;
        if (saga.LostHost is null) saga.LastRecoveredLevel = saga.Level;
        _logger.LogWarning("Recovery {RecoveryId} of {Vm} recovered after {Elapsed}: {Reason}", saga.RecoveryId, saga.VmName, Now - saga.StartedAt, reason);
        await Complete(context, RecoveryOutcome.Recovered, reason);
        await context.TransitionToState(Healthy);
    }

    private async Task Fail(BehaviorContext<RecoveryState> context, string reason)
    {
        _logger.LogError("Recovery {RecoveryId} of {Vm} failed, an operator must act: {Reason}", context.Saga.RecoveryId, context.Saga.VmName, reason);
        await Complete(context, RecoveryOutcome.Failed, reason);
        await context.TransitionToState(Failed);
    }

    private async Task Complete(BehaviorContext<RecoveryState> context, RecoveryOutcome outcome, string reason)
    {
        var saga = context.Saga;
        var now = Now;
        ReleaseSlot(context);
        saga.ClearDeadline();
        saga.Pending = PendingWork.None;

        // Flap control counts what the VM did; an incident caused by the loss of its host says nothing about the VM.
        if (saga.LostHost is null) saga.RecentIncidents.Add(saga.StartedAt);
        await context.Publish(new RecoveryCompleted(saga.RecoveryId, saga.VmName, outcome, reason, saga.LastHeardAt, saga.StartedAt, now,
            now - saga.StartedAt, saga.Steps.Select(step => step.ToRecord(now)).ToList()));
    }

    /// <summary>The saga message's SQLite session: the slots and guards read and write on its connection, in its transactions.</summary>
    private static SqliteSagaSession<RecoveryState> Session(BehaviorContext<RecoveryState> context) =>
        context.TryGetPayload<SqliteSagaSession<RecoveryState>>(out var session)
            ? session
            : throw new InvalidOperationException("the recovery saga runs on the SQLite saga repository only (see OrchestratorModule)");

    private bool IsVm(string name) => _inventory.FindVm(name) is not null;

    private VirtualMachine Vm(RecoveryState saga) => _inventory.FindVm(saga.VmName)!;

    private static bool IsCurrent(RecoveryState saga, Guid recoveryId) => saga.RecoveryId == recoveryId;

    private void Dropped(string name, string message) =>
        _logger.LogWarning("{Message} for '{Name}' dropped: the inventory has no VM of that name", message, name);

    private static RecoveryLevel Max(RecoveryLevel a, RecoveryLevel b) => a > b ? a : b;

    private static void ForExistingVm<T>(IEventCorrelationConfigurator<RecoveryState, T> correlation, Func<T, string> vm)
        where T : class =>
        correlation.CorrelateById(c => VmIds.For(vm(c.Message))).OnMissingInstance(m => m.Discard());
}
