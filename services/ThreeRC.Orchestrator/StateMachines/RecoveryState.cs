using System.Text.Json.Serialization;
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

    /// <summary>
    /// Every host that may run the VM now: where it last ran, and where a start was sent whose result never came or
    /// may have taken effect. Each one but the restart's target is fenced before the VM starts anywhere.
    /// </summary>
    public List<string> MayRunOn { get; set; } = [];

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

    /// <summary>The command (or placement request) sent last: only its result moves the incident on.</summary>
    public Guid? CommandId { get; set; }

    public int FenceAttempts { get; set; }

    /// <summary>Restarts that failed at the current level.</summary>
    public int FailedRestarts { get; set; }

    /// <summary>The hosts where this incident's restarts failed, named to placement with every placement request.</summary>
    public List<string> RestartFailedOn { get; set; } = [];

    public DateTimeOffset? FencingSince { get; set; }

    /// <summary>Whether the incident holds a storm-control slot.</summary>
    public bool HoldsSlot { get; set; }

    /// <summary>Whether the incident has a row in the slot table (held, or waiting for one).</summary>
    public bool AsksForSlot { get; set; }

    public List<RecoveryStepRecord> Steps { get; set; } = [];

    public DateTimeOffset? DeadlineAt { get; set; }

    public Guid? DeadlineToken { get; set; }

    /// <summary>When the VM's recent incidents began, for flap control.</summary>
    public List<DateTimeOffset> RecentIncidents { get; set; } = [];

    /// <summary>The level that recovered the VM last time.</summary>
    public RecoveryLevel? LastRecoveredLevel { get; set; }

    /// <summary>When Ganglia last heard the VM, as the latest HostResponsive said: a silence decided before then is over.</summary>
    public DateTimeOffset? HeardAgainAt { get; set; }

    /// <summary>Read for the message being handled: why no incident may open (maintenance), or null.</summary>
    [JsonIgnore]
    public string? Maintenance { get; set; }

    /// <summary>Read for the message being handled: whether the VM's host is reported down.</summary>
    [JsonIgnore]
    public bool HostDown { get; set; }

    /// <summary>Read for the message being handled: why the incident may not act now (the mass-failure brake), or null.</summary>
    [JsonIgnore]
    public string? HeldBy { get; set; }
}
