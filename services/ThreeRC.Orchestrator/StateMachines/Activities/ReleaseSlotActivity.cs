using ThreeRC.Orchestrator.Persistence;
using ThreeRC.Persistence.Sagas;

namespace ThreeRC.Orchestrator.StateMachines.Activities;

/// <summary>Gives back the incident's storm-control slot (or its place in the queue for one), with the state that no longer needs it.</summary>
public sealed class ReleaseSlotActivity : StorageActivity
{
    protected override Task RunAsync(RecoveryState saga, SagaSession<RecoveryState> session)
    {
        if (saga.AsksForSlot) session.Enlist(RecoverySlots.Release(saga.CorrelationId));
        saga.HoldsSlot = false;
        saga.AsksForSlot = false;
        return Task.CompletedTask;
    }
}
