using MassTransit;
using ThreeRC.Contracts.Recovery;

namespace ThreeRC.Orchestrator.StateMachines;

/// <summary>One VM's recovery saga: its open incident, if any, and what it remembers between incidents.</summary>
public sealed class RecoveryState : SagaStateMachineInstance, ISagaVersion
{
    public Guid CorrelationId { get; set; }

    public int Version { get; set; }

    public string CurrentState { get; set; } = "";

    public string VmName { get; set; } = "";

    /// <summary>The physical host the VM last ran on, as far as the orchestrator knows.</summary>
    public string? CurrentHost { get; set; }

    public Guid RecoveryId { get; set; }

    public RecoveryLevel Level { get; set; }

    public string Trigger { get; set; } = "";

    public DateTimeOffset? LastHeardAt { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    /// <summary>When the current level (reboot, restart, reinstall) began: T1 counts from here, and a reinstall's preparation.</summary>
    public DateTimeOffset LevelStartedAt { get; set; }

    /// <summary>The physical host that was lost, when the VM must leave it.</summary>
    public string? LostHost { get; set; }

    /// <summary>The host placement chose for this restart.</summary>
    public string? TargetHost { get; set; }

    public int FenceAttempts { get; set; }

    /// <summary>Restarts that failed at the current level.</summary>
    public int FailedRestarts { get; set; }

    public DateTimeOffset? FencingSince { get; set; }

    public PendingWork Pending { get; set; }

    /// <summary>Whether the incident holds a storm-control slot (so only then is one released).</summary>
    public bool HoldsSlot { get; set; }

    public List<StepEntry> Steps { get; set; } = [];

    public DateTimeOffset? DeadlineAt { get; set; }

    public Guid? DeadlineToken { get; set; }

    /// <summary>When the VM's recent incidents ended, for flap control.</summary>
    public List<DateTimeOffset> RecentIncidents { get; set; } = [];

    /// <summary>The level that recovered the VM last time.</summary>
    public RecoveryLevel? LastRecoveredLevel { get; set; }
}
