namespace ThreeRC.Placement.Model;

/// <summary>The keys changed since the last save: the store writes what they hold now, or deletes what they no longer hold.</summary>
internal sealed class StateChanges
{
    public HashSet<string> Vms { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Hosts { get; } = new(StringComparer.Ordinal);

    public HashSet<Guid> Reservations { get; } = [];

    public HashSet<string> Starts { get; } = new(StringComparer.Ordinal);

    public HashSet<Guid> Waiting { get; } = [];

    public bool Any => Vms.Count + Hosts.Count + Reservations.Count + Starts.Count + Waiting.Count > 0;

    public void Clear()
    {
        Vms.Clear();
        Hosts.Clear();
        Reservations.Clear();
        Starts.Clear();
        Waiting.Clear();
    }
}
