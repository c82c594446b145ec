using System.Linq.Expressions;
using MassTransit;
using ThreeRC.Contracts.Hypervisor;
using ThreeRC.Contracts.Monitoring;
using ThreeRC.Contracts.Placement;
using ThreeRC.Contracts.Provisioning;
using ThreeRC.Contracts.Recovery;

namespace ThreeRC.Orchestrator.StateMachines;

/// <summary>
/// The saga's events, each declared once with the VM it is about: the machine correlates by it (a deterministic id
/// from the VM's name) and the saga endpoint partitions by it (<see cref="Partition"/>).
/// </summary>
public sealed partial class RecoveryStateMachine
{
    private readonly List<Action<ISagaConfigurator<RecoveryState>, IPartitioner>> _partitions = [];

    public Event<HostUnresponsive> HostDown { get; private set; } = null!;

    public Event<HostResponsive> HostUp { get; private set; } = null!;

    public Event<RecoveryRequested> Requested { get; private set; } = null!;

    public Event<RecoveryDeadlineReached> DeadlineReached { get; private set; } = null!;

    public Event<GuestRebootIssued> RebootIssued { get; private set; } = null!;

    public Event<GuestRebootFailed> RebootFailed { get; private set; } = null!;

    public Event<VmPlaced> Placed { get; private set; } = null!;

    public Event<NoCapacity> NoRoom { get; private set; } = null!;

    public Event<HostFenced> Fenced { get; private set; } = null!;

    public Event<FenceFailed> FencingFailed { get; private set; } = null!;

    public Event<VmRestarted> Restarted { get; private set; } = null!;

    public Event<VmRestartFailed> RestartFailed { get; private set; } = null!;

    public Event<ReinstallPrepared> Prepared { get; private set; } = null!;

    public Event<ReinstallRefused> Refused { get; private set; } = null!;

    public Event<InstallCompleted> Installed { get; private set; } = null!;

    /// <summary>Messages for one VM are handled one at a time within a process.</summary>
    public void Partition(ISagaConfigurator<RecoveryState> saga, IPartitioner partitioner)
    {
        foreach (var partition in _partitions) partition(saga, partitioner);
    }

    private void DeclareEvents()
    {
        About(() => HostDown, m => VmIds.For(m.Name), opens: true);
        About(() => Requested, m => VmIds.For(m.VmName), opens: true);
        About(() => HostUp, m => VmIds.For(m.Name));
        About(() => DeadlineReached, m => m.CorrelationId);
        About(() => RebootIssued, m => VmIds.For(m.VmName));
        About(() => RebootFailed, m => VmIds.For(m.VmName));
        About(() => Placed, m => VmIds.For(m.VmName));
        About(() => NoRoom, m => VmIds.For(m.VmName));
        About(() => Fenced, m => VmIds.For(m.VmName));
        About(() => FencingFailed, m => VmIds.For(m.VmName));
        About(() => Restarted, m => VmIds.For(m.VmName));
        About(() => RestartFailed, m => VmIds.For(m.VmName));
        About(() => Prepared, m => VmIds.For(m.VmName));
        About(() => Refused, m => VmIds.For(m.VmName));
        About(() => Installed, m => VmIds.For(m.VmName));
    }

    /// <summary>Declares an event correlated by <paramref name="id"/>; only <paramref name="opens"/> events create an instance.</summary>
    private void About<T>(Expression<Func<Event<T>>> @event, Func<T, Guid> id, bool opens = false)
        where T : class
    {
        Event(@event, e =>
        {
            e.CorrelateById(c => id(c.Message));
            if (!opens) e.OnMissingInstance(m => m.Discard());
        });
        _partitions.Add((saga, partitioner) => saga.Message<T>(m => m.UsePartitioner(partitioner, c => id(c.Message))));
    }
}
