using MassTransit;
using ThreeRC.Contracts.Hypervisor;
using ThreeRC.Contracts.Monitoring;
using ThreeRC.Contracts.Placement;
using ThreeRC.Contracts.Provisioning;
using ThreeRC.Contracts.Recovery;

namespace ThreeRC.Orchestrator.StateMachines;

/// <summary>
/// Messages for one VM are handled one at a time within a process (partitioned by the VM's saga id), so that
/// optimistic-concurrency conflicts only arise between orchestrator processes, where retry resolves them.
/// </summary>
public sealed class RecoveryStateDefinition : SagaDefinition<RecoveryState>
{
    private const int Partitions = 32;

    public RecoveryStateDefinition()
    {
        // Messages wait on SQLite's single writer; enough of them in flight keep both the writer and the CPUs busy.
        ConcurrentMessageLimit = Partitions;
    }

    protected override void ConfigureSaga(IReceiveEndpointConfigurator endpoint, ISagaConfigurator<RecoveryState> saga, IRegistrationContext context)
    {
        var partitioner = endpoint.CreatePartitioner(Partitions);
        ByVm<HostUnresponsive>(saga, partitioner, m => m.Name);
        ByVm<HostResponsive>(saga, partitioner, m => m.Name);
        ByVm<RecoveryRequested>(saga, partitioner, m => m.VmName);
        ByVm<GuestRebootIssued>(saga, partitioner, m => m.VmName);
        ByVm<GuestRebootFailed>(saga, partitioner, m => m.VmName);
        ByVm<VmPlaced>(saga, partitioner, m => m.VmName);
        ByVm<NoCapacity>(saga, partitioner, m => m.VmName);
        ByVm<HostFenced>(saga, partitioner, m => m.VmName);
        ByVm<FenceFailed>(saga, partitioner, m => m.VmName);
        ByVm<VmRestarted>(saga, partitioner, m => m.VmName);
        ByVm<VmRestartFailed>(saga, partitioner, m => m.VmName);
        ByVm<ReinstallPrepared>(saga, partitioner, m => m.VmName);
        ByVm<ReinstallRefused>(saga, partitioner, m => m.VmName);
        ByVm<InstallCompleted>(saga, partitioner, m => m.VmName);
        saga.Message<RecoveryDeadlineReached>(m => m.UsePartitioner(partitioner, c => c.Message.CorrelationId));
    }

    private static void ByVm<T>(ISagaConfigurator<RecoveryState> saga, IPartitioner partitioner, Func<T, string> vm)
        where T : class =>
        saga.Message<T>(m => m.UsePartitioner(partitioner, c => VmIds.For(vm(c.Message))));
}
