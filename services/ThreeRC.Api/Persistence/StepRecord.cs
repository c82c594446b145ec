using ThreeRC.Contracts.Recovery;

namespace ThreeRC.Api.Persistence;

/// <summary>One step of an incident; <see cref="EndedAt"/> is null for the running step of an open incident.</summary>
public sealed record StepRecord
{
    public RecoveryStep Step { get; init; }

    public string? HostName { get; init; }

    public string Detail { get; init; } = "";

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }
}
