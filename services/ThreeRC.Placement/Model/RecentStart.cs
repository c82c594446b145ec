namespace ThreeRC.Placement.Model;

/// <summary>A VM restarted on a host recently enough that the host's load_five does not show it yet.</summary>
internal sealed record RecentStart
{
    public required string VmName { get; init; }

    public required string HostName { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required DateTimeOffset SettlesAt { get; init; }
}
