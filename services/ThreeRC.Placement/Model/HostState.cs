using ThreeRC.Contracts.Monitoring;
using ThreeRC.Inventory.Model;

namespace ThreeRC.Placement.Model;

/// <summary>
/// What placement knows of one physical host: its health, its last load report, the VMs that occupy it (those the
/// map puts there and those reserved there) and its arrivals (reserved or just started VMs its load_five does not show yet).
/// </summary>
internal sealed class HostState(PhysicalHost host)
{
    // Keyed by the inventory's own VM instances: a reference hash, not a string or record hash, on the hot path.
    private readonly Dictionary<VirtualMachine, int> _occupants = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, int> _groups = new(StringComparer.Ordinal);

    public PhysicalHost Host => host;

    public string Name => host.Name;

    /// <summary>A host is up until the monitor says otherwise.</summary>
    public bool Up { get; set; } = true;

    /// <summary>Powered off by IPMI: fenced until the monitor hears from it again.</summary>
    public bool Fenced { get; set; }

    public bool InMaintenance { get; set; }

    public HostLoad? Load { get; set; }

    public int VmCount => _occupants.Count;

    public long UsedMemoryMb { get; private set; }

    public int Arrivals { get; private set; }

    public long ArrivingMemoryMb { get; private set; }

    /// <summary>Ganglia's mem_free in MiB, when the host reported its memory at all (mem_total above zero).</summary>
    public long? ReportedFreeMemoryMb => Load is { MemoryTotalKb: > 0 } load ? load.MemoryFreeKb / 1024 : null;

    public bool Holds(VirtualMachine vm) => _occupants.ContainsKey(vm);

    public int OccupantsInGroup(string group) => _groups.GetValueOrDefault(group);

    /// <summary>The five-minute load once one more VM arrives: the report plus the expected load of every arrival.</summary>
    public double ProjectedLoad(double expectedLoadPerVm) => (Load?.LoadFive ?? 0) + expectedLoadPerVm * (Arrivals + 1);

    /// <summary>Counts the VM on this host for one more reason (the map or a reservation); it is counted once however many.</summary>
    public void Occupy(VirtualMachine vm)
    {
        var reasons = _occupants.GetValueOrDefault(vm);
        _occupants[vm] = reasons + 1;
        if (reasons > 0) return;
        UsedMemoryMb += vm.MemoryMb;
        if (vm.AntiAffinityGroup is { } group) _groups[group] = _groups.GetValueOrDefault(group) + 1;
    }

    public void Vacate(VirtualMachine vm)
    {
        if (!_occupants.TryGetValue(vm, out var reasons)) return;
        if (reasons > 1)
        {
            _occupants[vm] = reasons - 1;
            return;
        }

        _occupants.Remove(vm);
        UsedMemoryMb -= vm.MemoryMb;
        if (vm.AntiAffinityGroup is { } group && --_groups[group] == 0) _groups.Remove(group);
    }

    public void AddArrival(VirtualMachine vm)
    {
        Arrivals++;
        ArrivingMemoryMb += vm.MemoryMb;
    }

    public void RemoveArrival(VirtualMachine vm)
    {
        Arrivals--;
        ArrivingMemoryMb -= vm.MemoryMb;
    }
}
