using ThreeRC.Contracts.Monitoring;
using ThreeRC.Contracts.Placement;
using ThreeRC.Inventory.Model;

namespace ThreeRC.Testing.Placement;

/// <summary>
/// A generated data centre for placement storms, the same for a given seed: by default 1,000 hosts and 10,000 VMs,
/// of which 100 hosts fail at once, each running 20 VMs (2,000 displaced). One host in ten runs ESXi, loads are
/// spread from idle to over the threshold, and VMs in the first four slots of four neighbouring hosts form an
/// anti-affinity group.
/// </summary>
public sealed class StormCluster
{
    public const int LoadThreshold = 12;
    public const int MaxVms = 24;

    public StormCluster(int hosts = 1_000, int vms = 10_000, int failingHosts = 100, int vmsPerFailingHost = 20, int seed = 3)
    {
        var random = new Random(seed);
        var hostList = Enumerable.Range(0, hosts).Select(i => NewHost(i, random)).ToList();
        var failing = hostList.OrderBy(_ => random.Next()).Take(failingHosts).Select(host => host.Name).ToHashSet();
        var slots = hostList.ToDictionary(host => host.Name, _ => new List<VirtualMachine>());
        var survivors = hostList.Where(host => !failing.Contains(host.Name)).ToList();
        var next = 0;
        foreach (var host in hostList.Where(host => failing.Contains(host.Name)))
            for (var slot = 0; slot < vmsPerFailingHost; slot++) slots[host.Name].Add(NewVm(next++, host, slot, random));
        while (next < vms)
        {
            var host = survivors[next % survivors.Count];
            slots[host.Name].Add(NewVm(next++, host, slots[host.Name].Count, random));
        }

        var vmList = slots.Values.SelectMany(list => list).ToList();
        Inventory = new ClusterInventory("storm.yaml", new RecoveryTimers(TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(10)),
            new DetectionSettings(4, null, false, TimeSpan.FromSeconds(1)), hostList, vmList, []);
        FailingHosts = failing.Order(StringComparer.Ordinal).ToList();
        DisplacedVms = vmList.Where(vm => failing.Contains(vm.HomeHost)).ToList();
        Loads = new HostLoadReported(At, hostList.Select(host => NewLoad(host, slots[host.Name], random)).ToList());
    }

    public static DateTimeOffset At { get; } = new(2026, 11, 26, 4, 0, 0, TimeSpan.Zero);

    public ClusterInventory Inventory { get; }

    public IReadOnlyList<string> FailingHosts { get; }

    public IReadOnlyList<VirtualMachine> DisplacedVms { get; }

    /// <summary>One load report of every host, taken just before the failure.</summary>
    public HostLoadReported Loads { get; }

    public IEnumerable<HostUnresponsive> Failures =>
        FailingHosts.Select(name => new HostUnresponsive(name, HostKind.Physical, name, At, At, "storm", "stopped reporting"));

    /// <summary>One PlaceVm per displaced VM, each with its own incident, in the order an orchestrator would send them.</summary>
    public IEnumerable<PlaceVm> Requests =>
        DisplacedVms.Select((vm, i) => new PlaceVm(new Guid(i + 1, 0, 0, new byte[8]), vm.Name, true, vm.Priority, At));

    private static PhysicalHost NewHost(int index, Random random) => new(
        $"h{index:D4}", $"10.{index / 250}.{index % 250}.1", $"h{index:D4}", new SshEndpoint("threerc", 22, null),
        index % 10 == 9 ? HypervisorDriver.Esxi : HypervisorDriver.Libvirt, 16, random.Next(2) == 0 ? 65_536 : 98_304,
        LoadThreshold, MaxVms, []);

    private static VirtualMachine NewVm(int index, PhysicalHost host, int slot, Random random)
    {
        var group = slot < 4 ? $"g{slot}-{int.Parse(host.Name[1..]) / 4}" : null;
        return new VirtualMachine($"vm{index:D5}", $"vm{index:D5}", $"52:54:00:{index >> 16 & 0xff:x2}:{index >> 8 & 0xff:x2}:{index & 0xff:x2}",
            $"10.200.{index / 250}.{index % 250}", new SshEndpoint("root", 22, null), "reboot", host.Name, 1024 << random.Next(3),
            $"/srv/vm/vm{index:D5}.xml", null, false, random.Next(11), group);
    }

    private static HostLoad NewLoad(PhysicalHost host, List<VirtualMachine> vms, Random random)
    {
        var freeMb = Math.Max(0, host.MemoryMb - vms.Sum(vm => vm.MemoryMb)) * (0.7 + 0.3 * random.NextDouble());
        var loadFive = random.NextDouble() * (LoadThreshold + 1);
        return new HostLoad(host.Name, loadFive, loadFive, host.Cpus, host.MemoryMb * 1024L, (long)freeMb * 1024, At);
    }
}
