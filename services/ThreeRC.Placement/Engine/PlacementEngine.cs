using Microsoft.Extensions.Logging;
using ThreeRC.Contracts.Placement;
using ThreeRC.Inventory.Model;
using ThreeRC.Placement.Choice;
using ThreeRC.Placement.Model;
using ThreeRC.Placement.Options;

namespace ThreeRC.Placement.Engine;

/// <summary>
/// Placement on the in-memory <see cref="PlacementState"/>: answers requests, reserves, queues and retries the queue.
/// Not thread-safe: <see cref="Services.PlacementService"/> runs one operation at a time and saves what changed.
/// </summary>
internal sealed partial class PlacementEngine(PlacementState state, PlacementOptions options, ILogger logger)
{
    private readonly HostChooser _chooser = HostChooser.From(options);

    public PlacementState State => state;

    public PlacementAnswer Place(PlaceVm request, DateTimeOffset now)
    {
        if (request.RecoveryId == Guid.Empty)
            return Refuse(request, "PlaceVm carries no RecoveryId: every placement must name its incident", now);
        if (state.Reservations.GetValueOrDefault(request.RecoveryId) is { } reserved)
        {
            if (reserved.RequestId == request.RequestId)
            {
                logger.LogInformation("PlaceVm for {VmName} ({RecoveryId}) again: answered with its reservation on {HostName}", reserved.VmName, reserved.RecoveryId, reserved.HostName);
                return reserved.ToMessage();
            }

            // A new request of the incident: the earlier answer is spent (its restart failed, perhaps before placement heard).
            state.Release(reserved.RecoveryId);
            logger.LogInformation("PlaceVm for {VmName} ({RecoveryId}) anew: released its reservation on {HostName} for the earlier request", reserved.VmName, reserved.RecoveryId, reserved.HostName);
        }

        if (state.Waiting.GetValueOrDefault(request.RecoveryId) is { } waiting)
        {
            if (waiting.RequestId == request.RequestId)
            {
                logger.LogInformation("PlaceVm for {VmName} ({RecoveryId}) again: it is still waiting for capacity", waiting.VmName, waiting.RecoveryId);
                return waiting.ToMessage();
            }

            state.Dequeue(waiting.RecoveryId);
        }

        if (state.FindVm(request.VmName) is not { } vm)
            return Refuse(request, $"VM {Describe(request.VmName)} is not in the inventory: it can never be placed", now);

        DropEarlierIncidentsOf(vm.Name);
        var choice = _chooser.Choose(state, RequestFor(vm, request.MustRelocate, now, request.RestartFailedOn));
        if (choice.Host is not null) return Reserve(request.RecoveryId, request.RequestId, vm, choice, now);

        var entry = new WaitingRequest
        {
            RecoveryId = request.RecoveryId,
            RequestId = request.RequestId,
            VmName = vm.Name,
            MustRelocate = request.MustRelocate,
            Priority = request.Priority,
            RequestedAt = request.RequestedAt,
            Sequence = state.NextSequence(),
            Reason = choice.Reason,
            QueuedAt = now,
        };
        state.Enqueue(entry);
        logger.LogWarning("No capacity for {VmName} ({RecoveryId}, priority {Priority}): it waits. {Reason}", vm.Name, request.RecoveryId, request.Priority, choice.Reason);
        return entry.ToMessage();
    }

    /// <summary>Tries every waiting request, higher priority first and first in first out within one priority.</summary>
    public IReadOnlyList<VmPlaced> PlaceWaiting(DateTimeOffset now)
    {
        if (state.Waiting.Count == 0) return [];
        var placed = new List<VmPlaced>();
        foreach (var waiting in state.Waiting.Values.OrderByDescending(w => w.Priority).ThenBy(w => w.Sequence).ToList())
        {
            if (state.FindVm(waiting.VmName) is not { } vm)
            {
                state.Dequeue(waiting.RecoveryId);
                logger.LogWarning("Dropped the waiting request for {VmName} ({RecoveryId}): the VM is no longer in the inventory", waiting.VmName, waiting.RecoveryId);
                continue;
            }

            var choice = _chooser.Choose(state, RequestFor(vm, waiting.MustRelocate, now));
            if (choice.Host is null) continue;
            state.Dequeue(waiting.RecoveryId);
            placed.Add(Reserve(waiting.RecoveryId, waiting.RequestId, vm, choice, now));
        }

        return placed;
    }

    public PlacementPreview Preview(PreviewPlacement request)
    {
        if (state.FindVm(request.VmName) is not { } vm)
        {
            logger.LogWarning("PreviewPlacement for unknown VM {VmName}", request.VmName);
            return new PlacementPreview(request.VmName ?? "", null, $"VM {Describe(request.VmName)} is not in the inventory");
        }

        var choice = _chooser.Choose(state, RequestFor(vm, request.MustRelocate, DateTimeOffset.MaxValue));
        return new PlacementPreview(vm.Name, choice.Host?.Name, choice.Reason);
    }

    private VmPlaced Reserve(Guid recoveryId, Guid? requestId, VirtualMachine vm, HostChoice choice, DateTimeOffset now)
    {
        var reservation = new Reservation
        {
            RecoveryId = recoveryId,
            RequestId = requestId,
            VmName = vm.Name,
            HostName = choice.Host!.Name,
            PreviousHost = state.HostOf(vm.Name),
            Reason = choice.Reason,
            PlacedAt = now,
            ExpiresAt = now + options.ReservationLifetime,
        };
        state.Reserve(vm, reservation);
        logger.LogInformation("Placed {VmName} ({RecoveryId}) on {HostName}, was on {PreviousHost}: {Reason}", vm.Name, recoveryId, reservation.HostName, reservation.PreviousHost, choice.Reason);
        return reservation.ToMessage();
    }

    private NoCapacity Refuse(PlaceVm request, string reason, DateTimeOffset now)
    {
        logger.LogWarning("Refused PlaceVm for {VmName} ({RecoveryId}): {Reason}", request.VmName, request.RecoveryId, reason);
        return new NoCapacity(request.RecoveryId, request.VmName ?? "", reason, Queued: false, now, request.RequestId);
    }

    /// <summary>A new incident of a VM ends its earlier ones here: one VM holds at most one reservation or place in the queue.</summary>
    private void DropEarlierIncidentsOf(string vmName)
    {
        if (state.ReservationOf(vmName) is { } earlier)
        {
            state.Release(earlier.RecoveryId);
            logger.LogWarning("Released the reservation of {VmName} on {HostName} for its earlier incident {RecoveryId}", vmName, earlier.HostName, earlier.RecoveryId);
        }

        if (state.WaitingOf(vmName) is { } waiting)
        {
            state.Dequeue(waiting.RecoveryId);
            logger.LogWarning("Dropped the waiting request of {VmName} for its earlier incident {RecoveryId}", vmName, waiting.RecoveryId);
        }
    }

    /// <summary>The request for <paramref name="vm"/>; the hosts where its restarts failed are those placement heard of and those the orchestrator names.</summary>
    private PlacementRequest RequestFor(VirtualMachine vm, bool mustRelocate, DateTimeOffset now, IReadOnlyList<string>? restartFailedOn = null) =>
        new(vm, state.FindHost(vm.HomeHost)?.Host.Driver, state.HostOf(vm.Name), mustRelocate,
            state.FailedRestartHostsOf(vm.Name, now).Union(restartFailedOn ?? [], StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal));

    private static string Describe(string? name) => name is null ? "(no name given)" : $"'{name}'";
}
