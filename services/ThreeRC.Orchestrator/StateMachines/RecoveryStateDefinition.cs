using MassTransit;

namespace ThreeRC.Orchestrator.StateMachines;

/// <summary>
/// Messages for one VM are handled one at a time within a process (partitioned by the VM's saga id, as the machine
/// declares its events), so that optimistic-concurrency conflicts only arise between orchestrator processes, where
/// retry resolves them. The endpoint uses the saga repository's transactional outbox, not the in-memory one.
/// </summary>
public sealed class RecoveryStateDefinition : SagaDefinition<RecoveryState>
{
    /// <summary>The saga's queue.</summary>
    public const string Queue = "threerc-recovery-state";

    private const int Partitions = 32;

    public RecoveryStateDefinition()
    {
        EndpointName = Queue;
        // Messages wait on SQLite's single writer; enough of them in flight keep both the writer and the CPUs busy.
        ConcurrentMessageLimit = Partitions;
    }

    protected override void ConfigureSaga(IReceiveEndpointConfigurator endpoint, ISagaConfigurator<RecoveryState> saga, IRegistrationContext context) =>
        context.GetRequiredService<RecoveryStateMachine>().Partition(saga, endpoint.CreatePartitioner(Partitions));
}
