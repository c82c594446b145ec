namespace ThreeRC.Placement.Model;

/// <summary>The keys changed since the last save: the store writes what they hold now, or deletes what they no longer hold.</summary>
internal sealed class StateChanges
{
    public HashSet<string> Vms { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Hosts { get; } = new(StringComparer.Ordinal);

    public HashSet<Guid> Reservations { get; } = [];

    public HashSet<string> Starts { get; } = new(StringComparer.Ordinal);

    public HashSet<Guid> Waiting { get; } = [];

    /// <summary>The VMs whose possible starts changed: the store rewrites them all.</summary>
    public HashSet<string> PossibleStarts { get; } = new(StringComparer.Ordinal);

    public bool Any => Vms.Count + Hosts.Count + Reservations.Count + Starts.Count + Waiting.Count + PossibleStarts.Count > 0;

    public void Clear()
    {
        Vms.Clear();
        Hosts.Clear();
        Reservations.Clear();
        Starts.Clear();
        Waiting.Clear();
        PossibleStarts.Clear();
    }
}
