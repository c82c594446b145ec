using ThreeRC.Testing;

namespace ThreeRC.Api.Tests.Fixtures;

/// <summary>
/// A small cluster for the tests: three physical hosts, and VMs enough that each test can have its own.
/// web01 cannot be reinstalled.
/// </summary>
public static class TestInventory
{
    public static readonly string[] Hosts = ["alfa01", "alfa02", "alfa04"];

    public static readonly GeneratedVm[] Vms =
    [
        new("gridce", "alfa01"), new("gridse", "alfa04"), new("web01", "alfa02", Reinstall: false),
        new("db01", "alfa01"), new("db02", "alfa02"), new("db03", "alfa04"), new("db04", "alfa01"),
        new("db05", "alfa02"), new("db06", "alfa04"), new("db07", "alfa01"), new("db08", "alfa02"),
    ];

    public static string Yaml() => GeneratedInventory.Yaml(Hosts, Vms);
}
