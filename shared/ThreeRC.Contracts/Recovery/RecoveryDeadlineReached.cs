namespace ThreeRC.Contracts.Recovery;

/// <summary>
/// The orchestrator's deadline sweeper found an incident whose deadline passed. An incident ignores a
/// token other than its current one (the deadline was moved since).
/// </summary>
/// <param name="CorrelationId">The recovery saga instance.</param>
/// <param name="Token">The deadline's token.</param>
/// <param name="DueAt">When the deadline was due.</param>
public record RecoveryDeadlineReached(Guid CorrelationId, Guid Token, DateTimeOffset DueAt);
