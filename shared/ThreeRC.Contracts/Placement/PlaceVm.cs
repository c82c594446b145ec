namespace ThreeRC.Contracts.Placement;

/// <summary>Choose the physical host on which a VM is to be restarted. Answered by <see cref="VmPlaced"/> or <see cref="NoCapacity"/>.</summary>
/// <param name="RecoveryId">The incident this placement serves.</param>
/// <param name="VmName">The inventory name of the VM.</param>
/// <param name="MustRelocate">True when the VM's current host is lost: it must not be chosen.</param>
/// <param name="Priority">The VM's priority; under scarcity higher numbers are placed first.</param>
/// <param name="RequestedAt">When the orchestrator asked.</param>
/// <param name="RestartFailedOn">The hosts where this incident's restarts failed, not to be chosen: placement may not
/// have heard of those failures yet when this arrives.</param>
/// <param name="RequestId">This request, one of the incident's several: a redelivered request carries the same id and gets
/// the same answer; a new one is decided anew. The answer (<see cref="VmPlaced"/>, <see cref="NoCapacity"/>) echoes it.</param>
public record PlaceVm(
    Guid RecoveryId, string VmName, bool MustRelocate, int Priority, DateTimeOffset RequestedAt, IReadOnlyList<string>? RestartFailedOn = null,
    Guid? RequestId = null);
