namespace ThreeRC.Api.Persistence;

/// <summary>A Ganglia source the monitor polls, and whether it answered last time.</summary>
public sealed record MonitorSource
{
    public string Source { get; init; } = "";

    public bool Available { get; init; }

    public string Reason { get; init; } = "";

    public DateTimeOffset Since { get; init; }
}
