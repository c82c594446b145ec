namespace ThreeRC.Api.Persistence;

/// <summary>A host or VM in maintenance.</summary>
public sealed record MaintenanceState
{
    public string Name { get; init; } = "";

    public string Reason { get; init; } = "";

    public string ChangedBy { get; init; } = "";

    public DateTimeOffset ChangedAt { get; init; }
}
