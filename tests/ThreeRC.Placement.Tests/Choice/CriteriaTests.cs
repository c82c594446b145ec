using ThreeRC.Contracts.Hypervisor;
using ThreeRC.Inventory.Model;
using ThreeRC.Placement.Tests.Support;

namespace ThreeRC.Placement.Tests.Choice;

/// <summary>
/// One row per criterion: gridce's host alfa01 is lost; alfa02 is the least loaded of the others and would be chosen,
/// unless the row makes it fail the criterion, and then alfa03 is chosen. With alfa03 out of the way too, nothing
/// qualifies and the reason names the criterion and alfa02.
/// </summary>
public class CriteriaTests
{
    public static TheoryData<string> Criteria => new(Cases.Keys);

    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["load threshold"] = new("at or over load threshold", Arrange: s => s.Load("alfa02", 11.5)),
        ["max VMs"] = new("at VM limit", Cluster: () => Base(alfa02MaxVms: 1).Vm("filler", "alfa02")),
        ["memory in the inventory"] = new("short of memory", Cluster: () => Base(alfa02MemoryMb: 6_144).Vm("filler", "alfa02", memoryMb: 4_096)),
        ["memory Ganglia reports free"] = new("short of free memory (Ganglia mem_free)", Arrange: s => s.Load("alfa02", 1, memoryFreeMb: 2_048, memoryTotalMb: 65_536)),
        ["maintenance"] = new("in maintenance", Arrange: s => s.Maintenance("alfa02", on: true)),
        ["fenced host"] = new("fenced (powered off)", Arrange: s => s.Fence("alfa02")),
        ["host down"] = new("down", Arrange: s => s.Down("alfa02")),
        ["anti-affinity"] = new("holding a VM of its anti-affinity group", Cluster: () => Base().Vm("gridse", "alfa02", group: "grid-core")),
        ["hypervisor driver"] = new("another hypervisor driver", Cluster: () => Base(alfa02Driver: HypervisorDriver.Esxi)),
    };

    [Fact]
    public void Without_a_failing_criterion_the_least_loaded_host_is_chosen()
    {
        var scenario = Arranged(new Case("none"));

        Assert.Equal("alfa02", scenario.PlaceOn("gridce", mustRelocate: true));
    }

    [Theory]
    [MemberData(nameof(Criteria))]
    public void A_host_failing_a_criterion_is_passed_over(string criterion)
    {
        var scenario = Arranged(Cases[criterion]);

        Assert.Equal("alfa03", scenario.PlaceOn("gridce", mustRelocate: true));
    }

    [Theory]
    [MemberData(nameof(Criteria))]
    public void When_no_host_qualifies_the_reason_names_each_failed_criterion_and_its_hosts(string criterion)
    {
        var scenario = Arranged(Cases[criterion]);
        if (criterion == "maintenance") scenario.Down("alfa03"); else scenario.Maintenance("alfa03", on: true);

        var preview = scenario.Preview("gridce", mustRelocate: true);

        Assert.Null(preview.HostName);
        Assert.Contains("the VM's lost host (1): alfa01", preview.Reason);
        Assert.Contains($"{Cases[criterion].Failure} (1): alfa02", preview.Reason);
    }

    [Fact]
    public void Fencing_through_the_hypervisor_leaves_the_host_usable()
    {
        var scenario = Arranged(new Case("none"));
        scenario.Fence("alfa02", FenceMethod.Hypervisor);

        Assert.Equal("alfa02", scenario.PlaceOn("gridce", mustRelocate: true));
    }

    [Fact]
    public void A_fenced_host_is_usable_again_once_it_reports()
    {
        var scenario = Arranged(Cases["fenced host"]);
        scenario.Up("alfa02");

        Assert.Equal("alfa02", scenario.PlaceOn("gridce", mustRelocate: true));
    }

    private static EngineScenario Arranged(Case row)
    {
        var scenario = new EngineScenario((row.Cluster ?? (() => Base()))());
        scenario.Load("alfa02", 1);
        scenario.Load("alfa03", 3);
        row.Arrange?.Invoke(scenario);
        return scenario;
    }

    private static TestCluster Base(int alfa02MaxVms = 20, int alfa02MemoryMb = 65_536, HypervisorDriver alfa02Driver = HypervisorDriver.Libvirt) =>
        new TestCluster()
            .Host("alfa01")
            .Host("alfa02", maxVms: alfa02MaxVms, memoryMb: alfa02MemoryMb, driver: alfa02Driver)
            .Host("alfa03")
            .Vm("gridce", "alfa01", memoryMb: 4_096, group: "grid-core");

    private sealed record Case(string Failure, Func<TestCluster>? Cluster = null, Action<EngineScenario>? Arrange = null);
}
