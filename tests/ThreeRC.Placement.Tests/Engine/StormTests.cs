namespace ThreeRC.Placement.Tests.Engine;

public sealed class StormTests(AfterTheStorm storm) : IClassFixture<AfterTheStorm>
{
    [Fact]
    public void Every_displaced_VM_is_placed_or_queued_on_a_compatible_surviving_host() =>
        storm.AssertEveryDisplacedVmIsPlacedOrQueuedOnACompatibleSurvivingHost();

    [Fact]
    public void No_host_ends_over_its_threshold_VM_limit_or_memory_and_anti_affinity_holds() =>
        storm.AssertNoHostEndsOverItsLimitsAndAntiAffinityHolds();

    [Fact]
    public void The_displaced_VMs_spread_over_many_hosts()
    {
        var perHost = storm.Placed.GroupBy(placed => placed.HostName).Select(group => group.Count()).ToList();

        Assert.True(perHost.Count > 300, $"2,000 VMs went to only {perHost.Count} hosts");
        Assert.True(perHost.Max() <= 12, $"one host took {perHost.Max()} VMs");
    }
}
