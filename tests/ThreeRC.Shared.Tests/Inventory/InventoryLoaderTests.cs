using ThreeRC.Contracts.Hypervisor;
using ThreeRC.Inventory.Loading;
using ThreeRC.Inventory.Model;
using ThreeRC.Testing;

namespace ThreeRC.Shared.Tests.Inventory;

public class InventoryLoaderTests
{
    [Fact]
    public void The_documented_sample_inventory_is_valid()
    {
        var inventory = InventoryLoader.Load(RepositoryRoot.Combine("infra", "inventory.sample.yaml"));

        Assert.Equal(["alfa01", "alfa04"], inventory.Hosts.Select(h => h.Name));
        Assert.Equal(["gridce", "gridse"], inventory.Vms.Select(v => v.Name));
        Assert.Equal(TimeSpan.FromMinutes(3), inventory.Timers.RebootWait);
        Assert.True(inventory.Detection.ConfirmWithProbe);
        Assert.Equal([FenceMethod.Ipmi, FenceMethod.Hypervisor], inventory.FindHost("alfa01")!.Fencing.Select(f => f.Method));
    }

    [Fact]
    public void A_valid_inventory_reads_every_field_with_its_defaults()
    {
        var inventory = InventoryLoader.Parse(ValidInventory.Yaml, "inventory.yaml");

        var host = inventory.FindHost("alfa01")!;
        Assert.Equal(new SshEndpoint("threerc", 22, null), host.Ssh);
        Assert.Equal("alfa01", host.GangliaName);
        Assert.Equal(6.5, host.LoadThreshold);
        Assert.Equal(new IpmiSettings("10.0.1.11", 623, "lanplus", "fence", null, "ALFA01_BMC_PASSWORD"), host.Fencing[0].Ipmi);
        Assert.Equal(HypervisorDriver.Esxi, inventory.FindHost("alfa02")!.Driver);

        var vm = inventory.FindVm("gridce")!;
        Assert.Equal("52:54:00:aa:00:01", vm.Mac);
        Assert.Equal(new SshEndpoint("root", 22, null), vm.Ssh);
        Assert.Equal("reboot", vm.RebootCommand);
        Assert.True(vm.ReinstallAllowed);
        Assert.False(inventory.FindVm("gridse")!.ReinstallAllowed);
        Assert.Equal(new RecoveryTimers(TimeSpan.FromSeconds(90), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10)), inventory.Timers);
        Assert.Equal(4, inventory.Detection.TmaxFactor);
    }

    [Fact]
    public void Missed_heartbeats_are_two_unless_the_detection_block_says_otherwise_between_1_and_100()
    {
        Assert.Equal(2, InventoryLoader.Parse(ValidInventory.Yaml, "inventory.yaml").Detection.MissedHeartbeats);
        Assert.Equal(3, InventoryLoader.Parse(ValidInventory.Yaml + "\ndetection:\n  missedHeartbeats: 3\n", "inventory.yaml").Detection.MissedHeartbeats);

        var refused = Assert.Throws<InventoryException>(() => InventoryLoader.Parse(ValidInventory.Yaml + "\ndetection:\n  missedHeartbeats: 0\n", "inventory.yaml"));

        Assert.Contains("detection.missedHeartbeats: expected an integer between 1 and 100, got '0'", refused.Message);
    }

    public static TheoryData<string, string, string> BrokenInventories => new()
    {
        { "    loadThreshold: 6.5\n    maxVms: 10\n    fencing:", "    loadThreshold: 6.5\n    maxVms: 10\n    colour: red\n    fencing:", "inventory.yaml:15: hosts[alfa01].colour: unknown field" },
        { "    mac: \"52:54:00:AA:00:01\"\n", "", "inventory.yaml:31: vms[gridce].mac: missing (required)" },
        { "  - name: gridse", "  - name: gridce", "inventory.yaml:38: vms[gridce].name: duplicate name 'gridce' (first on line 31)" },
        { "maxVms: 10", "maxVms: ten", "inventory.yaml:14: hosts[alfa01].maxVms: expected an integer between 0 and 100000, got 'ten'" },
        { "cpus: 8", "cpus: -2", "inventory.yaml:11: hosts[alfa01].cpus: expected an integer between 1 and 4096, got '-2'" },
        { "\"52:54:00:AA:00:01\"", "\"52:54:00:AA:00\"", "inventory.yaml:32: vms[gridce].mac: '52:54:00:aa:00' is not a MAC address" },
        { "\"52:54:00:aa:00:02\"", "\"52:54:00:aa:00:01\"", "inventory.yaml:39: vms[gridse].mac: duplicate MAC '52:54:00:aa:00:01' (first on line 32)" },
        { "home: alfa01", "home: alfa09", "inventory.yaml:34: vms[gridce].home: no physical host named 'alfa09' in the inventory" },
        { "profile: ce", "profile: nope", "inventory.yaml:37: vms[gridce].profile: no install profile named 'nope' in the inventory" },
        { "name: gridce", "name: \"grid;rm -rf /\"", "inventory.yaml:31: vms[0].name: 'grid;rm -rf /' is not a name" },
        { "/srv/vm/gridce.xml", "/srv/vm/../../etc/shadow", "inventory.yaml:36: vms[gridce].definition: '/srv/vm/../../etc/shadow' is not an absolute path" },
        { "driver: libvirt", "driver: xen", "inventory.yaml:10: hosts[alfa01].driver: 'xen' is not a driver (expected libvirt or esxi)" },
        { "rebootWait: 90s", "rebootWait: soon", "inventory.yaml:2: timers.rebootWait: expected a positive duration" },
        { "kernel: images/vmlinuz", "kernel: ../boot/vmlinuz", "inventory.yaml:47: profiles[ce].kernel: '../boot/vmlinuz' is not a path inside the TFTP root" },
        { "        passwordVariable: ALFA01_BMC_PASSWORD\n", "", "inventory.yaml:16: hosts[alfa01].fencing[0].passwordFile: give exactly one of passwordFile or passwordVariable" },
        { "reinstall: false", "reinstall: true", "inventory.yaml:44: vms[gridse].reinstall: reinstall needs a profile" },
    };

    [Theory]
    [MemberData(nameof(BrokenInventories))]
    public void An_invalid_inventory_is_refused_naming_file_line_and_field(string find, string replace, string expected)
    {
        var error = Assert.Throws<InventoryException>(() => InventoryLoader.Parse(ValidInventory.With(find, replace), "inventory.yaml"));

        Assert.Contains(error.Errors, e => e.ToString().StartsWith(expected, StringComparison.Ordinal));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Every_error_of_a_file_is_reported_at_once()
    {
        var yaml = ValidInventory.With("cpus: 8", "cpus: many").Replace("memoryMb: 2048\n    definition: /srv/vm/gridse.vmx", "memoryMb: lots\n    definition: /srv/vm/gridse.vmx");

        var error = Assert.Throws<InventoryException>(() => InventoryLoader.Parse(yaml, "inventory.yaml"));

        Assert.Equal(2, error.Errors.Count);
    }

    [Fact]
    public void Text_that_is_not_yaml_is_refused_with_its_line()
    {
        var error = Assert.Throws<InventoryException>(() => InventoryLoader.Parse("hosts:\n  - name: [unclosed\n", "bad.yaml"));

        Assert.StartsWith("bad.yaml:", error.Errors.Single().ToString());
    }

    [Fact]
    public void A_missing_file_is_refused_with_its_path()
    {
        var error = Assert.Throws<InventoryException>(() => InventoryLoader.Load("/nonexistent/inventory.yaml"));

        Assert.Equal("/nonexistent/inventory.yaml:0: inventory: the file does not exist", error.Errors.Single().ToString());
    }
}
