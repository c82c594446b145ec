namespace ThreeRC.Api.Persistence;

/// <summary>What an operator asked for: who, what, when.</summary>
public sealed record OperatorActionRecord
{
    public long Id { get; init; }

    public string RequestedBy { get; init; } = "";

    /// <summary>maintenance-on, maintenance-off or recovery.</summary>
    public string Action { get; init; } = "";

    /// <summary>host:NAME or vm:NAME.</summary>
    public string Target { get; init; } = "";

    public string Detail { get; init; } = "";

    public DateTimeOffset RequestedAt { get; init; }
}
