using Microsoft.Extensions.Logging;
using ThreeRC.Contracts.Hypervisor;
using ThreeRC.Contracts.Placement;
using ThreeRC.Contracts.Recovery;
using ThreeRC.Placement.Model;

namespace ThreeRC.Placement.Engine;

internal sealed partial class PlacementEngine
{
    /// <summary>The hypervisor runs the VM on the host: the map follows, and the reservation becomes its place there.</summary>
    public IReadOnlyList<VmPlaced> Restarted(VmRestarted message, DateTimeOffset now)
    {
        if (state.FindVm(message.VmName) is not { } vm || message.HostName is null)
        {
            logger.LogWarning("Ignored VmRestarted ({RecoveryId}) for {VmName} on {HostName}: not a VM of the inventory on a named host", message.RecoveryId, message.VmName, message.HostName);
            return [];
        }

        if (state.FindHost(message.HostName) is null)
            logger.LogWarning("{VmName} runs on {HostName}, which is not in the inventory: the map follows the hypervisor, but no capacity is counted there", vm.Name, message.HostName);
        var previous = state.HostOf(vm.Name);
        state.Release(message.RecoveryId);
        state.Dequeue(message.RecoveryId);
        state.MoveVm(vm, message.HostName);
        ForgetStartsBefore(vm, message.RestartedAt, $"it was verified running on {message.HostName}");
        if (options.LoadSettleTime > TimeSpan.Zero)
            state.RecordStart(vm, new RecentStart { VmName = vm.Name, HostName = message.HostName, StartedAt = now, SettlesAt = now + options.LoadSettleTime });
        logger.LogInformation("{VmName} ({RecoveryId}) runs on {HostName}, was on {PreviousHost}", vm.Name, message.RecoveryId, message.HostName, previous);
        return PlaceWaiting(now);
    }

    public IReadOnlyList<VmPlaced> RestartFailed(VmRestartFailed message, DateTimeOffset now)
    {
        if (message.VmName is not null && message.HostName is not null)
            state.RecordFailedRestart(message.VmName, message.HostName, now + options.ReservationLifetime);
        if (message.MayHaveTakenEffect) RecordPossibleStart(message);
        if (state.Release(message.RecoveryId) is { } released)
            logger.LogInformation("Released the reservation of {VmName} on {HostName} ({RecoveryId}): the restart failed: {Reason}", released.VmName, released.HostName, released.RecoveryId, message.Reason);
        return PlaceWaiting(now);
    }

    /// <summary>
    /// The incident ended: its reservation and place in the queue go, and so do the hosts where its restarts failed;
    /// when it names where the VM runs, the map puts it there. Other hosts where it may run stay: a fenced one was
    /// forgotten at its fence.
    /// </summary>
    public IReadOnlyList<VmPlaced> Completed(RecoveryCompleted message, DateTimeOffset now)
    {
        state.ForgetFailedRestarts(message.VmName);
        if (message.RunningOn is { } runningOn && state.FindVm(message.VmName) is { } vm)
        {
            state.MoveVm(vm, runningOn);
            state.ForgetPossibleStart(vm, runningOn);
            logger.LogInformation("{VmName} runs on {HostName} as its incident {RecoveryId} ends {Outcome}", vm.Name, runningOn, message.RecoveryId, message.Outcome);
        }

        if (state.Release(message.RecoveryId) is { } released)
            logger.LogInformation("Released the reservation of {VmName} on {HostName}: its incident {RecoveryId} ended {Outcome}", released.VmName, released.HostName, released.RecoveryId, message.Outcome);
        if (state.Dequeue(message.RecoveryId) is { } dropped)
            logger.LogInformation("Dropped the waiting request of {VmName}: its incident {RecoveryId} ended {Outcome}", dropped.VmName, dropped.RecoveryId, message.Outcome);
        return PlaceWaiting(now);
    }

    /// <summary>Releases expired reservations, forgets arrivals load_five now shows, and retries the queue.</summary>
    public IReadOnlyList<VmPlaced> Sweep(DateTimeOffset now)
    {
        foreach (var expired in state.Reservations.Values.Where(r => r.ExpiresAt <= now).ToList())
        {
            state.Release(expired.RecoveryId);
            logger.LogWarning("Released the reservation of {VmName} on {HostName} ({RecoveryId}): no restart result since {PlacedAt}", expired.VmName, expired.HostName, expired.RecoveryId, expired.PlacedAt);
        }

        foreach (var settled in state.Starts.Values.Where(s => s.SettlesAt <= now).ToList()) state.Settle(settled.VmName);
        return PlaceWaiting(now);
    }
}
