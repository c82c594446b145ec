namespace ThreeRC.Inventory.Model;

/// <summary>The validated inventory: what ThreeRC protects and how.</summary>
/// <param name="SourceFile">The file it was read from.</param>
/// <param name="Timers">T1, T2 and the install budget.</param>
/// <param name="Detection">How the monitor decides a host is unresponsive.</param>
/// <param name="Hosts">The physical hosts (hypervisors).</param>
/// <param name="Vms">The protected virtual machines.</param>
/// <param name="Profiles">The install profiles for reinstalls.</param>
public sealed record ClusterInventory(
    string SourceFile,
    RecoveryTimers Timers,
    DetectionSettings Detection,
    IReadOnlyList<PhysicalHost> Hosts,
    IReadOnlyList<VirtualMachine> Vms,
    IReadOnlyList<InstallProfile> Profiles)
{
    private readonly Dictionary<string, PhysicalHost> _hosts = Hosts.ToDictionary(h => h.Name, StringComparer.Ordinal);
    private readonly Dictionary<string, VirtualMachine> _vms = Vms.ToDictionary(v => v.Name, StringComparer.Ordinal);
    private readonly Dictionary<string, InstallProfile> _profiles = Profiles.ToDictionary(p => p.Name, StringComparer.Ordinal);

    /// <summary>The physical host of that name, or null.</summary>
    public PhysicalHost? FindHost(string name) => _hosts.GetValueOrDefault(name);

    /// <summary>The VM of that name, or null.</summary>
    public VirtualMachine? FindVm(string name) => _vms.GetValueOrDefault(name);

    /// <summary>The install profile of that name, or null.</summary>
    public InstallProfile? FindProfile(string name) => _profiles.GetValueOrDefault(name);
}
