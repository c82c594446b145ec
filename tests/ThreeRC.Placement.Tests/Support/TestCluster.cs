using ThreeRC.Inventory.Model;

namespace ThreeRC.Placement.Tests.Support;

/// <summary>A small inventory written in code: hosts and VMs with only the fields placement reads.</summary>
internal sealed class TestCluster
{
    private readonly List<PhysicalHost> _hosts = [];
    private readonly List<VirtualMachine> _vms = [];

    public TestCluster Host(
        string name, double threshold = 12, int maxVms = 20, int memoryMb = 65_536, HypervisorDriver driver = HypervisorDriver.Libvirt)
    {
        _hosts.Add(new PhysicalHost(name, "10.0.0.1", name, new SshEndpoint("threerc", 22, null), driver, 16, memoryMb, threshold, maxVms, []));
        return this;
    }

    public TestCluster Vm(string name, string home, int memoryMb = 1_024, string? group = null, int priority = 0)
    {
        var mac = $"52:54:00:00:{_vms.Count / 256:x2}:{_vms.Count % 256:x2}";
        _vms.Add(new VirtualMachine(name, name, mac, "10.0.2.1", new SshEndpoint("root", 22, null), "reboot", home, memoryMb,
            $"/srv/vm/{name}.xml", null, false, priority, group));
        return this;
    }

    public ClusterInventory Build() => new(
        "test.yaml",
        new RecoveryTimers(TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(10)),
        new DetectionSettings(4, null, false, TimeSpan.FromSeconds(1)),
        _hosts,
        _vms,
        []);
}
