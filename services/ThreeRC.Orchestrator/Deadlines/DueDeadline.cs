namespace ThreeRC.Orchestrator.Deadlines;

/// <summary>A saga row whose deadline has passed.</summary>
public sealed record DueDeadline(Guid CorrelationId, Guid Token, long DeadlineAt);
