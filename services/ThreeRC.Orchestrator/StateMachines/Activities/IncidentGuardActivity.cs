using ThreeRC.Orchestrator.Persistence;
using ThreeRC.Persistence.Sagas;

namespace ThreeRC.Orchestrator.StateMachines.Activities;

/// <summary>Reads what an incident must know before it opens: maintenance of the VM or its host, and whether the host is down.</summary>
public sealed class IncidentGuardActivity(IncidentGuards guards) : StorageActivity
{
    protected override async Task RunAsync(RecoveryState saga, SagaSession<RecoveryState> session)
    {
        var guard = await guards.CheckAsync(session.Connection, saga.VmName, saga.CurrentHost!);
        saga.Maintenance = guard.Maintenance;
        saga.HostDown = guard.HostDown;
    }
}
