using ThreeRC.Contracts.Recovery;

namespace ThreeRC.Orchestrator.StateMachines;

/// <summary>One step of the open incident's timeline; it ends when the next begins.</summary>
public sealed class StepEntry
{
    public RecoveryStep Step { get; set; }

    public string? HostName { get; set; }

    public string Detail { get; set; } = "";

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public RecoveryStepRecord ToRecord(DateTimeOffset end) => new(Step, HostName, Detail, StartedAt, EndedAt ?? end);
}
