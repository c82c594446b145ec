using ThreeRC.Orchestrator.Persistence;
using ThreeRC.Persistence.Sagas;

namespace ThreeRC.Orchestrator.StateMachines.Activities;

/// <summary>
/// Asks for a storm-control slot before hypervisor work, unless the mass-failure brake holds every incident: afterwards
/// <see cref="RecoveryState.HoldsSlot"/> says whether the work may start, and <see cref="RecoveryState.HeldBy"/> why not
/// when the brake is the reason.
/// </summary>
public abstract class SlotActivity(RecoverySlots slots, Func<RecoveryState, int> priority) : StorageActivity
{
    protected override async Task RunAsync(RecoveryState saga, SagaSession<RecoveryState> session)
    {
        saga.HeldBy = await FencingBrake.HeldBecauseAsync(session.Connection);
        saga.AsksForSlot = true;
        saga.HoldsSlot = saga.HeldBy is null && await slots.TryAcquireAsync(session, saga.CorrelationId, saga.VmName, priority(saga), Host(saga));
    }

    /// <summary>The host the work runs on, when a per-host bound applies.</summary>
    protected abstract string? Host(RecoveryState saga);
}
