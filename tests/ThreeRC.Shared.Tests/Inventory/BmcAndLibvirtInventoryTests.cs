using ThreeRC.Inventory.Loading;
using ThreeRC.Inventory.Model;

namespace ThreeRC.Shared.Tests.Inventory;

/// <summary>An unprotected BMC session is accepted only when its BMC says insecure: true; a libvirt URI goes into commands, so it is checked.</summary>
public class BmcAndLibvirtInventoryTests
{
    private const string Bmc = "address: 10.0.1.11\n";

    public static TheoryData<string, string, string> Refused => new()
    {
        { Bmc, Bmc + "        interface: lan\n",
            "inventory.yaml:18: hosts[alfa01].fencing[0].interface: 'lan' (IPMI 1.5) has no integrity protection: a forged or replayed packet could power the host off or on; use lanplus, or set insecure: true on this BMC to accept that" },
        { Bmc, Bmc + "        cipherSuite: 0\n",
            "inventory.yaml:18: hosts[alfa01].fencing[0].cipherSuite: cipher suite 0 authenticates nothing: anyone who can reach the BMC could power the host off or on; choose another (17 is ipmitool's default), or set insecure: true on this BMC to accept that" },
        { Bmc, Bmc + "        interface: lan\n        insecure: true\n        cipherSuite: 3\n",
            "inventory.yaml:20: hosts[alfa01].fencing[0].cipherSuite: a cipher suite applies to interface lanplus only" },
        { Bmc, Bmc + "        cipherSuite: 18\n", "inventory.yaml:18: hosts[alfa01].fencing[0].cipherSuite: expected an integer between 0 and 17, got '18'" },
        { Bmc, Bmc + "        insecure: maybe\n", "inventory.yaml:18: hosts[alfa01].fencing[0].insecure: expected true or false, got 'maybe'" },
        { "driver: libvirt\n", "driver: libvirt\n    libvirtUri: \"qemu:///system; reboot\"\n",
            "inventory.yaml:11: hosts[alfa01].libvirtUri: 'qemu:///system; reboot' is not a libvirt URI such as qemu:///system" },
        { "driver: libvirt\n", "driver: libvirt\n    libvirtUri: \"qemu:///system?socket=/tmp/x\"\n",
            "inventory.yaml:11: hosts[alfa01].libvirtUri: 'qemu:///system?socket=/tmp/x' is not a libvirt URI" },
        { "driver: esxi\n", "driver: esxi\n    libvirtUri: qemu:///system\n",
            "inventory.yaml:26: hosts[alfa02].libvirtUri: applies to libvirt hosts only (this host's driver is esxi)" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void An_unprotected_bmc_or_a_doubtful_libvirt_uri_is_refused_naming_file_line_field_and_the_way_to_accept_it(string find, string replace, string expected)
    {
        var error = Assert.Throws<InventoryException>(() => InventoryLoader.Parse(ValidInventory.With(find, replace), "inventory.yaml"));

        Assert.Contains(error.Errors, e => e.ToString().StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Lan_and_cipher_suite_0_are_accepted_from_a_bmc_marked_insecure()
    {
        var lan = InventoryLoader.Parse(ValidInventory.With(Bmc, Bmc + "        interface: lan\n        insecure: true\n"), "inventory.yaml");
        var suite0 = InventoryLoader.Parse(ValidInventory.With(Bmc, Bmc + "        cipherSuite: 0\n        insecure: true\n"), "inventory.yaml");

        Assert.Equal(("lan", true, (int?)null), Settings(lan));
        Assert.Equal(("lanplus", true, (int?)0), Settings(suite0));
    }

    [Fact]
    public void A_bmc_is_secure_with_ipmitools_cipher_suite_unless_the_inventory_says_otherwise()
    {
        var plain = InventoryLoader.Parse(ValidInventory.Yaml, "inventory.yaml");
        var suite3 = InventoryLoader.Parse(ValidInventory.With(Bmc, Bmc + "        cipherSuite: 3\n"), "inventory.yaml");

        Assert.Equal(("lanplus", false, (int?)null), Settings(plain));
        Assert.Equal(("lanplus", false, (int?)3), Settings(suite3));
    }

    [Fact]
    public void A_libvirt_host_connects_to_qemu_system_unless_its_inventory_names_another_uri()
    {
        var plain = InventoryLoader.Parse(ValidInventory.Yaml, "inventory.yaml");
        var session = InventoryLoader.Parse(ValidInventory.With("driver: libvirt\n", "driver: libvirt\n    libvirtUri: qemu:///session\n"), "inventory.yaml");

        Assert.Equal("qemu:///system", plain.FindHost("alfa01")!.LibvirtUri);
        Assert.Equal("qemu:///session", session.FindHost("alfa01")!.LibvirtUri);
    }

    private static (string Interface, bool Insecure, int? CipherSuite) Settings(ClusterInventory inventory)
    {
        var bmc = inventory.FindHost("alfa01")!.Fencing[0].Ipmi!;
        return (bmc.Interface, bmc.Insecure, bmc.CipherSuite);
    }
}
