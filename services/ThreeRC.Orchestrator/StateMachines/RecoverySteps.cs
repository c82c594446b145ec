using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ThreeRC.Contracts.Hypervisor;
using ThreeRC.Contracts.Placement;
using ThreeRC.Contracts.Provisioning;
using ThreeRC.Contracts.Recovery;
using ThreeRC.Inventory.Model;
using ThreeRC.Orchestrator.Options;
using ThreeRC.Persistence.Sagas.Outbox;

namespace ThreeRC.Orchestrator.StateMachines;

/// <summary>
/// What the recovery saga does on each transition: each step records itself on the incident's timeline, sends its one
/// command (published with the state, through the outbox) and sets its deadline. The state machine decides which.
/// </summary>
public sealed class RecoverySteps(ClusterInventory inventory, IOptions<OrchestratorOptions> options, TimeProvider time, ILogger<RecoverySteps> logger)
{
    private readonly OrchestratorOptions _options = options.Value;

    public RecoveryTimers Timers => inventory.Timers;

    private DateTimeOffset Now => time.GetUtcNow();

    /// <summary>No slot (or the brake holds every incident): the step says so once, and the slot is asked for again later.</summary>
    public void Queue(BehaviorContext<RecoveryState> context, string work, string? host)
    {
        var saga = context.Saga;
        var detail = saga.HeldBy is { } held ? $"held before {work}: {held}" : $"waiting for a recovery slot before {work}";
        if (saga.Steps.LastOrDefault() is not { Step: RecoveryStep.Queued } queued || queued.Detail != detail)
            Begin(context, RecoveryStep.Queued, host, detail);
        saga.SetDeadline(Now + _options.SlotRetryInterval);
    }

    public void RebootGuest(BehaviorContext<RecoveryState> context, string detail)
    {
        var saga = context.Saga;
        Begin(context, RecoveryStep.Reboot, saga.CurrentHost, $"reboot the guest over SSH ({detail})");
        saga.SetDeadline(saga.LevelStartedAt + Timers.RebootWait);
        Send(context, id => new RebootGuest(saga.RecoveryId, saga.VmName, id, Now, saga.DeadlineAt!.Value));
    }

    public void Place(BehaviorContext<RecoveryState> context, string detail)
    {
        var saga = context.Saga;
        // Once the VM runs on another host, a later level may stay there: only its lost host must be avoided, and
        // placement never chooses a host that is down.
        var relocate = saga.LostHost is not null && saga.LostHost == saga.CurrentHost;
        Begin(context, RecoveryStep.Placement, null, relocate ? $"choose a host other than {saga.LostHost} ({detail})" : $"choose a host ({detail})");
        saga.SetDeadline(Now + _options.PlacementTimeout);
        // Like a command, the request has an id of its own: an answer to an earlier one (a redelivery, a late reply) is stale.
        Send(context, id => new PlaceVm(saga.RecoveryId, saga.VmName, relocate, Vm(saga).Priority, Now, [.. saga.RestartFailedOn], id));
    }

    public void AwaitCapacity(BehaviorContext<RecoveryState> context, string reason)
    {
        Begin(context, RecoveryStep.AwaitingCapacity, null, reason);
        context.Saga.ClearDeadline();
    }

    public void Placed(BehaviorContext<RecoveryState> context, VmPlaced placed)
    {
        var saga = context.Saga;
        if (placed.PreviousHost is { } previous && previous != saga.CurrentHost)
        {
            // Placement's map learnt where the VM runs from the same results, and later: its host replaces the one assumed.
            logger.LogInformation("{Vm}: placement puts it on {Previous}, not {Assumed}", saga.VmName, previous, saga.CurrentHost);
            saga.MayRunOn.Remove(saga.CurrentHost!);
            saga.CurrentHost = previous;
            saga.MayRun(previous);
        }

        saga.TargetHost = placed.HostName;
        saga.FenceAttempts = 0;
        saga.FencingSince = Now;
        Note(context, $"placed on {placed.HostName}: {placed.Reason}");
    }

    public void Fence(BehaviorContext<RecoveryState> context)
    {
        var saga = context.Saga;
        var host = saga.NextToFence()!;
        var methods = FencingMethods(saga, host);
        var method = methods[saga.FenceAttempts % methods.Count];
        var detail = $"make sure {host} no longer runs it ({method}, attempt {saga.FenceAttempts + 1}) before it starts on {saga.TargetHost}";
        if (saga.Steps.LastOrDefault()?.Step == RecoveryStep.Fencing) Note(context, detail);
        else Begin(context, RecoveryStep.Fencing, host, detail);
        saga.SetDeadline(Now + _options.FenceTimeout);
        Send(context, id => new FenceHost(saga.RecoveryId, saga.VmName, id, host, method, saga.FenceAttempts + 1, Now, saga.DeadlineAt!.Value));
    }

    public void Fenced(BehaviorContext<RecoveryState> context, HostFenced fenced)
    {
        var saga = context.Saga;
        saga.MayRunOn.Remove(fenced.HostName);
        saga.FenceAttempts = 0;
        Note(context, $"{fenced.HostName} fenced ({fenced.Method})");
    }

    /// <summary>
    /// Counts a failed fence, alerts after every full round of the host's methods from the second on, and waits a
    /// growing back-off. Not after the first: a VM's incident may ask its host's hypervisor before the monitor has
    /// declared the host lost, and that refusal is answered by the BMC a moment later, not by an operator.
    /// </summary>
    public void FenceFailed(BehaviorContext<RecoveryState> context, FenceFailed failure)
    {
        var saga = context.Saga;
        saga.FenceAttempts++;
        Note(context, $"fencing {failure.HostName} ({failure.Method}) failed: {failure.Reason}");
        var methods = FencingMethods(saga, failure.HostName).Count;
        if (saga.FenceAttempts % methods == 0 && saga.FenceAttempts >= 2 * methods)
            context.PublishWithState(new FencingAlert(saga.RecoveryId, saga.VmName, failure.HostName, failure.Reason, saga.FenceAttempts, Now));
        var round = (saga.FenceAttempts - 1) / methods;
        saga.SetDeadline(Now + TimeSpan.FromTicks(Math.Min(_options.FenceRetryMax.Ticks, _options.FenceRetryInitial.Ticks << Math.Min(round, 20))));
    }

    public bool FencingTimedOut(RecoveryState saga) => Now - saga.FencingSince >= Timers.RestartWait;

    public void Restart(BehaviorContext<RecoveryState> context)
    {
        var saga = context.Saga;
        var previous = saga.CurrentHost != saga.TargetHost ? saga.CurrentHost : null;
        Begin(context, RecoveryStep.Restart, saga.TargetHost,
            previous is null ? $"power-cycle it on {saga.TargetHost}" : $"start it on {saga.TargetHost} (moved from {previous})");
        StartOnTarget(context, Timers.RestartWait);
    }

    /// <summary>The reinstall's start: the install budget is the installer's, counted from its boot, not from a wait for capacity.</summary>
    public void BootInstaller(BehaviorContext<RecoveryState> context)
    {
        Begin(context, RecoveryStep.Reinstall, context.Saga.TargetHost, $"boot the installer on {context.Saga.TargetHost}");
        StartOnTarget(context, Timers.InstallBudget);
    }

    public void Restarted(BehaviorContext<RecoveryState> context, VmRestarted restarted)
    {
        var saga = context.Saga;
        saga.CurrentHost = restarted.HostName;
        saga.MayRunOn = [restarted.HostName];
        Note(context, $"running on {restarted.HostName}: {string.Join("; ", restarted.Commands)}");
    }

    /// <summary>
    /// A failed start. Only a failure that says the start cannot have taken effect takes its host off the hosts that
    /// may run the VM (unless the VM ran there before); any other keeps it among the hosts to fence before a start
    /// elsewhere. Either way the host is named to placement as one not to choose again in this incident.
    /// </summary>
    public void RestartFailed(BehaviorContext<RecoveryState> context, VmRestartFailed failure)
    {
        var saga = context.Saga;
        if (!failure.MayHaveTakenEffect && failure.HostName != saga.CurrentHost) saga.MayRunOn.Remove(failure.HostName);
        if (failure.HostName is { } host && !saga.RestartFailedOn.Contains(host)) saga.RestartFailedOn.Add(host);
        saga.FailedRestarts++;
    }

    public bool RestartsExhausted(RecoveryState saga) => saga.FailedRestarts >= _options.RestartAttempts;

    public static string RestartFailure(VmRestartFailed failure) =>
        $"the restart on {failure.HostName} failed{(failure.MayHaveTakenEffect ? " and may have started it all the same (so it is fenced before any start elsewhere)" : "")}: {failure.Reason}";

    public void PrepareInstaller(BehaviorContext<RecoveryState> context, string detail)
    {
        var saga = context.Saga;
        var vm = Vm(saga);
        Begin(context, RecoveryStep.Reinstall, null, $"point its PXE entry at profile {vm.Profile} ({detail})");
        saga.SetDeadline(saga.LevelStartedAt + Timers.InstallBudget);
        Send(context, id => new PrepareReinstall(saga.RecoveryId, vm.Name, id, vm.Profile!, Now, saga.DeadlineAt!.Value));
    }

    public bool MayReinstall(RecoveryState saga) => Vm(saga) is { ReinstallAllowed: true, Profile: not null };

    /// <summary>Records a note on the open step of the timeline, and logs it.</summary>
    public void Note(BehaviorContext<RecoveryState> context, string note)
    {
        var saga = context.Saga;
        saga.NoteOnStep(note);
        logger.LogInformation("Recovery {RecoveryId} of {Vm}: {Note}", saga.RecoveryId, saga.VmName, note);
    }

    public VirtualMachine Vm(RecoveryState saga) => inventory.FindVm(saga.VmName)!;

    /// <summary>
    /// A lost host is fenced by the inventory's methods, in order. A host that is up only has the VM powered off
    /// through its hypervisor: powering off a healthy host, and every VM on it, to move one VM would cause the
    /// outage it means to prevent. If that fails, the VM is not started elsewhere and an operator is alerted.
    /// </summary>
    private IReadOnlyList<FenceMethod> FencingMethods(RecoveryState saga, string host) =>
        saga.LostHost != host ? [FenceMethod.Hypervisor]
        : inventory.FindHost(host)?.Fencing.Select(f => f.Method).ToList() is { Count: > 0 } methods ? methods : [FenceMethod.Hypervisor];

    /// <summary>From the moment the start is sent, the target may run the VM: until the executor says otherwise, or it is fenced.</summary>
    private void StartOnTarget(BehaviorContext<RecoveryState> context, TimeSpan wait)
    {
        var saga = context.Saga;
        var previous = saga.CurrentHost != saga.TargetHost ? saga.CurrentHost : null;
        saga.MayRun(saga.TargetHost);
        saga.SetDeadline(Now + wait);
        Send(context, id => new RestartVm(saga.RecoveryId, saga.VmName, id, saga.TargetHost!, previous, Now, saga.DeadlineAt!.Value));
    }

    private void Send(BehaviorContext<RecoveryState> context, Func<Guid, object> command)
    {
        var id = NewId.NextGuid();
        context.Saga.CommandId = id;
        context.PublishWithState(command(id));
    }

    private void Begin(BehaviorContext<RecoveryState> context, RecoveryStep step, string? host, string detail)
    {
        var saga = context.Saga;
        var now = Now;
        saga.BeginStep(step, host, detail, now);
        logger.LogInformation("Recovery {RecoveryId} of {Vm}: {Step} {Host}: {Detail}", saga.RecoveryId, saga.VmName, step, host, detail);
        context.PublishWithState(new RecoveryStepStarted(saga.RecoveryId, saga.VmName, step, host, detail, now));
    }
}
