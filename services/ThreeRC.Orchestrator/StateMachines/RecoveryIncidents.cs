using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ThreeRC.Contracts.Monitoring;
using ThreeRC.Contracts.Recovery;
using ThreeRC.Inventory.Model;
using ThreeRC.Orchestrator.Options;
using ThreeRC.Persistence.Sagas.Outbox;

namespace ThreeRC.Orchestrator.StateMachines;

/// <summary>How an incident opens, climbs a level and ends; the state machine decides when.</summary>
public sealed class RecoveryIncidents(ClusterInventory inventory, IOptions<OrchestratorOptions> options, TimeProvider time, ILogger<RecoveryIncidents> logger)
{
    private readonly OrchestratorOptions _options = options.Value;

    private DateTimeOffset Now => time.GetUtcNow();

    public bool IsVm(string name) => inventory.FindVm(name) is not null;

    public void Drop(string name, string message) =>
        logger.LogWarning("{Message} for '{Name}' dropped: the inventory has no VM of that name", message, name);

    /// <summary>Before the guards are read: which VM, and the host it ran on last (its home the first time).</summary>
    public void Identify(RecoveryState saga, string vmName)
    {
        var vm = inventory.FindVm(vmName)!;
        saga.VmName = vm.Name;
        saga.CurrentHost ??= vm.HomeHost;
        saga.MayRun(saga.CurrentHost);
    }

    public void LeaveAlone(RecoveryState saga, string trigger) =>
        logger.LogInformation("{Vm} is down ({Trigger}) but left alone: {Maintenance}", saga.VmName, trigger, saga.Maintenance);

    /// <summary>Opens an incident: a new recovery id, its first level (higher after a recent incident), and RecoveryStarted.</summary>
    public void Open(BehaviorContext<RecoveryState> context, IncidentCause cause)
    {
        var saga = context.Saga;
        var now = Now;
        var lostHost = cause.LostHost ?? (saga.HostDown ? saga.CurrentHost : null);
        saga.RecentIncidents.RemoveAll(at => at < now - _options.FlapWindow);
        var level = Max(cause.Level, lostHost is null ? RecoveryLevel.Reboot : RecoveryLevel.Restart);
        if (saga.RecentIncidents.Count > 0 && saga.LastRecoveredLevel is { } last && last < RecoveryLevel.Reinstall) level = Max(level, last + 1);

        saga.RecoveryId = NewId.NextGuid();
        saga.Level = level;
        saga.Trigger = cause.Trigger;
        saga.LastHeardAt = cause.LastHeardAt;
        saga.StartedAt = now;
        saga.LevelStartedAt = now;
        saga.LostHost = lostHost;
        saga.TargetHost = null;
        saga.CommandId = null;
        saga.FenceAttempts = 0;
        saga.FailedRestarts = 0;
        saga.RestartFailedOn.Clear();
        saga.FencingSince = null;
        saga.Steps.Clear();
        logger.LogWarning("Recovery {RecoveryId} of {Vm} begins at {Level}: {Trigger}", saga.RecoveryId, saga.VmName, level, cause.Trigger);
        context.PublishWithState(new RecoveryStarted(saga.RecoveryId, saga.VmName, level, cause.Trigger, cause.LastHeardAt, now));
    }

    public bool IsFlapping(RecoveryState saga) => saga.RecentIncidents.Count >= _options.FlapLimit;

    public string Flapping(RecoveryState saga) => $"flapping: {saga.RecentIncidents.Count + 1} incidents within {_options.FlapWindow}";

    /// <summary>The VM's host was lost during the incident: it must leave it.</summary>
    public static bool LosesItsHost(RecoveryState saga, RecoveryRequested request) =>
        request.LostHost is { } lost && (lost == saga.CurrentHost || lost == saga.TargetHost);

    public void RaiseTo(RecoveryState saga, RecoveryLevel level, string reason)
    {
        saga.Level = level;
        saga.LevelStartedAt = Now;
        saga.FailedRestarts = 0;
        logger.LogWarning("Recovery {RecoveryId} of {Vm} escalates to {Level}: {Reason}", saga.RecoveryId, saga.VmName, level, reason);
    }

    public void Ignore(RecoveryState saga, RecoveryRequested request) =>
        logger.LogInformation("{Vm}: {Request} ignored, recovery {RecoveryId} already runs at {Level}", saga.VmName, request, saga.RecoveryId, saga.Level);

    public void Outdated(RecoveryState saga, HostUnresponsive down) =>
        logger.LogInformation("{Vm}: a silence decided at {DetectedAt:O} ({Source}) opens no incident: Ganglia heard it since, at {HeardAgainAt:O}",
            saga.VmName, down.DetectedAt, down.Source, saga.HeardAgainAt);

    /// <summary>Ends the incident: flap control counts it (unless its host's loss caused it), RecoveryCompleted says how and where the VM runs.</summary>
    public void Complete(BehaviorContext<RecoveryState> context, RecoveryOutcome outcome, string reason)
    {
        var saga = context.Saga;
        var now = Now;
        saga.ClearDeadline();
        saga.CommandId = null;
        if (outcome == RecoveryOutcome.Recovered && saga.LostHost is null) saga.LastRecoveredLevel = saga.Level;
        if (saga.LostHost is null) saga.RecentIncidents.Add(saga.StartedAt);
        var runningOn = saga.RunningOn();
        if (runningOn is not null) saga.CurrentHost = runningOn;
        else if (saga.MayRunOn.Count > 1) logger.LogWarning("{Vm} may run on any of {Hosts}: each is fenced before its next start elsewhere", saga.VmName, string.Join(", ", saga.MayRunOn));
        if (outcome == RecoveryOutcome.Recovered)
            logger.LogWarning("Recovery {RecoveryId} of {Vm} recovered after {Elapsed}: {Reason}", saga.RecoveryId, saga.VmName, now - saga.StartedAt, reason);
        else
            logger.LogError("Recovery {RecoveryId} of {Vm} failed, an operator must act: {Reason}", saga.RecoveryId, saga.VmName, reason);
        context.PublishWithState(new RecoveryCompleted(saga.RecoveryId, saga.VmName, outcome, reason, saga.LastHeardAt, saga.StartedAt, now,
            now - saga.StartedAt, [.. saga.Steps.Select(step => step with { EndedAt = step.EndedAt ?? now })]) { RunningOn = runningOn });
    }

    private static RecoveryLevel Max(RecoveryLevel a, RecoveryLevel b) => a > b ? a : b;
}

/// <summary>What opens an incident: the trigger in words, the level asked for, when the VM was last heard, the host lost.</summary>
public sealed record IncidentCause(string Trigger, RecoveryLevel Level, DateTimeOffset? LastHeardAt, string? LostHost);
