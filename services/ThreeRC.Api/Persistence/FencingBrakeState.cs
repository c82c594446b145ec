namespace ThreeRC.Api.Persistence;

/// <summary>The mass-failure brake as the orchestrator last announced it: halted, or resumed by an operator.</summary>
public sealed record FencingBrakeState
{
    public bool Halted { get; init; }

    /// <summary>Why it was halted or resumed.</summary>
    public string Reason { get; init; } = "";

    /// <summary>The silent physical hosts of the last halt, comma-separated.</summary>
    public string SilentHosts { get; init; } = "";

    public int PhysicalHosts { get; init; }

    /// <summary>Who resumed fencing; null while halted.</summary>
    public string? ChangedBy { get; init; }

    /// <summary>When it was halted or resumed.</summary>
    public DateTimeOffset ChangedAt { get; init; }

    public IReadOnlyList<string> SilentHostNames => SilentHosts.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
