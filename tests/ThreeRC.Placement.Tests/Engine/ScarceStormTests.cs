using ThreeRC.Contracts.Monitoring;

namespace ThreeRC.Placement.Tests.Engine;

public sealed class ScarceStormTests(AfterAScarceStorm storm) : IClassFixture<AfterAScarceStorm>
{
    [Fact]
    public void Every_displaced_VM_is_placed_or_queued_and_some_wait()
    {
        storm.AssertEveryDisplacedVmIsPlacedOrQueuedOnACompatibleSurvivingHost();
        Assert.InRange(storm.Scenario.State.Waiting.Count, 1, storm.Storm.DisplacedVms.Count - 1);
    }

    [Fact]
    public void No_host_ends_over_its_threshold_VM_limit_or_memory_and_anti_affinity_holds() =>
        storm.AssertNoHostEndsOverItsLimitsAndAntiAffinityHolds();

    [Fact]
    public void When_the_load_drops_the_waiting_VMs_are_placed_higher_priority_first_within_the_limits()
    {
        var run = new AfterAScarceStorm();
        var waiting = run.Scenario.State.Waiting.Count;
        var lower = run.Storm.Loads.Hosts.Select(load => load with { LoadFive = load.LoadFive / 2 }).ToList();

        var placed = run.Scenario.Engine.RecordLoads(new HostLoadReported(run.Scenario.Now, lower), run.Scenario.Now);

        Assert.InRange(placed.Count, 1, waiting);
        var priorities = placed.Select(vm => run.Storm.Inventory.FindVm(vm.VmName)!.Priority).ToList();
        Assert.Equal(priorities.OrderDescending(), priorities);
        run.AssertNoHostEndsOverItsLimitsAndAntiAffinityHolds();
    }
}
