using ThreeRC.Inventory.Model;

namespace ThreeRC.Placement.Model;

internal sealed partial class PlacementState
{
    private readonly Dictionary<string, Dictionary<string, PossibleStart>> _possibleStarts = new(StringComparer.Ordinal);

    public IEnumerable<PossibleStart> PossibleStarts => _possibleStarts.Values.SelectMany(hosts => hosts.Values);

    public IReadOnlyCollection<PossibleStart> PossibleStartsOf(string vmName) =>
        _possibleStarts.TryGetValue(vmName, out var hosts) ? hosts.Values : [];

    /// <summary>The VM may run on the host: the host counts it (once, whatever else puts it there) until it is forgotten.</summary>
    public void RecordPossibleStart(VirtualMachine vm, PossibleStart start)
    {
        if (!_possibleStarts.TryGetValue(vm.Name, out var hosts)) _possibleStarts[vm.Name] = hosts = new(StringComparer.Ordinal);
        if (!hosts.ContainsKey(start.HostName)) FindHost(start.HostName)?.Occupy(vm);
        hosts[start.HostName] = start;
        Changes.PossibleStarts.Add(vm.Name);
    }

    public void ForgetPossibleStart(VirtualMachine vm, string hostName)
    {
        if (!_possibleStarts.TryGetValue(vm.Name, out var hosts) || !hosts.Remove(hostName)) return;
        if (hosts.Count == 0) _possibleStarts.Remove(vm.Name);
        FindHost(hostName)?.Vacate(vm);
        Changes.PossibleStarts.Add(vm.Name);
    }
}
