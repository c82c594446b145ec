namespace ThreeRC.Api.Persistence;

/// <summary>What an operator asked for: who, what, when.</summary>
public sealed record OperatorActionRecord
{
    public long Id { get; init; }

    public string RequestedBy { get; init; } = "";

    /// <summary>maintenance-on, maintenance-off, recovery, fencing-resume or fencing-alert-ack.</summary>
    public string Action { get; init; } = "";

    /// <summary>host:NAME, vm:NAME, recovery:ID or cluster.</summary>
    public string Target { get; init; } = "";

    public string Detail { get; init; } = "";

    public DateTimeOffset RequestedAt { get; init; }
}
