namespace ThreeRC.Api.Persistence;

/// <summary>The latest alert an open incident raised, as its timeline recorded it.</summary>
public sealed record RaisedAlert
{
    public Guid RecoveryId { get; init; }

    public string VmName { get; init; } = "";

    public string? HostName { get; init; }

    public string Summary { get; init; } = "";

    public DateTimeOffset RaisedAt { get; init; }
}
