namespace ThreeRC.Contracts.Recovery;

/// <summary>An incident ended.</summary>
/// <param name="RecoveryId">The incident.</param>
/// <param name="VmName">The inventory name of the VM.</param>
/// <param name="Outcome">Recovered, failed (an operator must act) or cancelled.</param>
/// <param name="Reason">Why it failed or was cancelled; what recovered it otherwise.</param>
/// <param name="LastHeardAt">When Ganglia last heard from the VM before the incident, when known.</param>
/// <param name="StartedAt">When the incident began.</param>
/// <param name="CompletedAt">When it ended.</param>
/// <param name="TimeToRecover">From the incident's start to its end.</param>
/// <param name="Steps">The timeline, in order.</param>
public record RecoveryCompleted(
    Guid RecoveryId,
    string VmName,
    RecoveryOutcome Outcome,
    string Reason,
    DateTimeOffset? LastHeardAt,
    DateTimeOffset StartedAt,
    DateTimeOffset CompletedAt,
    TimeSpan TimeToRecover,
    IReadOnlyList<RecoveryStepRecord> Steps)
{
    /// <summary>
    /// The physical host the VM runs on as far as the orchestrator knows when the incident ends: where it was last
    /// started, or, after a start that failed but may have taken effect, that host when it is the only one left.
    /// Null when unknown.
    /// </summary>
    public string? RunningOn { get; init; }
}
