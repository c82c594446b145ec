namespace ThreeRC.Api.Persistence;

/// <summary>An event of an incident, as its timeline shows it.</summary>
public sealed record TimelineEntry
{
    public DateTimeOffset OccurredAt { get; init; }

    public string Kind { get; init; } = "";

    public string? HostName { get; init; }

    public string Summary { get; init; } = "";
}
