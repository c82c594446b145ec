namespace ThreeRC.Api.Persistence;

/// <summary>A host's or VM's state in the read model.</summary>
public sealed record MonitorState
{
    public string Name { get; init; } = "";

    public MonitorStatus State { get; init; }

    public DateTimeOffset StateSince { get; init; }

    public DateTimeOffset? LastHeardAt { get; init; }

    public string Reason { get; init; } = "";
}
