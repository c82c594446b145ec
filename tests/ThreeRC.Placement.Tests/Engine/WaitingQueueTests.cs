using ThreeRC.Contracts.Placement;
using ThreeRC.Placement.Tests.Support;

namespace ThreeRC.Placement.Tests.Engine;

public class WaitingQueueTests
{
    public static TheoryData<string> Triggers => new(CapacityTriggers.Keys);

    /// <summary>
    /// Each way capacity can appear on alfa01 (the only host that may take gridce, where gridse already runs): the
    /// obstacle fills it or takes it out, and the trigger clears the obstacle. The obstacle returns the incident of the
    /// reservation that fills the host, if it is one.
    /// </summary>
    private static readonly Dictionary<string, (Func<EngineScenario, Guid> Obstacle, Func<EngineScenario, Guid, IReadOnlyList<VmPlaced>> Trigger)> CapacityTriggers = new()
    {
        ["a load report under the threshold"] = (s => NoReservation(s.Load("alfa01", 20)), (s, _) => s.Load("alfa01", 1)),
        ["the host reporting again"] = (s => NoReservation(() => s.Down("alfa01")), (s, _) => s.Up("alfa01")),
        ["maintenance ending"] = (s => NoReservation(s.Maintenance("alfa01", on: true)), (s, _) => s.Maintenance("alfa01", on: false)),
        ["a VM leaving the host"] = (FillAlfa01, (s, _) => s.Restarted(Guid.NewGuid(), "gridse", "alfa02")),
        ["a failed restart releasing its reservation"] = (FillAlfa01, (s, blocker) => s.RestartFailed(blocker, "blocker", "alfa01")),
        ["the end of an incident"] = (FillAlfa01, (s, blocker) => s.Completed(blocker, "blocker")),
        ["a reservation expiring"] = (FillAlfa01, (s, _) =>
        {
            s.Time.Advance(s.Options.ReservationLifetime);
            return s.Sweep();
        }),
    };

    [Fact]
    public void With_no_capacity_a_request_waits_and_says_so()
    {
        var scenario = new EngineScenario(new TestCluster().Host("lost").Host("alfa01").Vm("gridce", "lost"));
        scenario.Down("alfa01");

        var refused = scenario.Place("gridce", mustRelocate: true, priority: 3).Refused!;

        Assert.True(refused.Queued);
        Assert.Contains("down (1): alfa01", refused.Reason);
        Assert.Equal(3, Assert.Single(scenario.State.Waiting.Values).Priority);
    }

    [Theory]
    [MemberData(nameof(Triggers))]
    public void Capacity_appearing_places_the_waiting_request(string trigger)
    {
        var (obstacle, clear) = CapacityTriggers[trigger];
        var scenario = new EngineScenario(new TestCluster().Host("lost").Host("alfa01", maxVms: 2).Host("alfa02", maxVms: 0)
            .Vm("gridce", "lost").Vm("gridse", "alfa01").Vm("blocker", "lost"));
        var blocker = obstacle(scenario);
        var waiting = scenario.Place("gridce", mustRelocate: true).Refused!;
        Assert.Empty(scenario.Sweep());

        var placed = clear(scenario, blocker);

        Assert.Equal(waiting.RecoveryId, Assert.Single(placed).RecoveryId);
        Assert.Equal("alfa01", placed[0].HostName);
        Assert.Empty(scenario.State.Waiting);
    }

    [Fact]
    public void Waiting_requests_are_placed_higher_priority_first_and_in_arrival_order_within_a_priority()
    {
        var cluster = new TestCluster().Host("lost").Host("alfa01", maxVms: 2);
        foreach (var name in new[] { "low", "high1", "mid", "high2", "high3" }) cluster.Vm(name, "lost");
        var scenario = new EngineScenario(cluster);
        scenario.Down("alfa01");
        var priorities = new Dictionary<string, int> { ["low"] = 1, ["high1"] = 5, ["mid"] = 3, ["high2"] = 5, ["high3"] = 5 };
        foreach (var (vm, priority) in priorities) Assert.True(scenario.Place(vm, mustRelocate: true, priority).Refused!.Queued);

        var first = scenario.Up("alfa01");
        var second = first.SelectMany(placed => scenario.RestartFailed(placed.RecoveryId, placed.VmName, placed.HostName)).ToList();

        Assert.Equal(["high1", "high2"], first.Select(placed => placed.VmName));
        Assert.Equal(["high3", "mid"], second.Select(placed => placed.VmName));
        Assert.Equal(["low"], scenario.State.Waiting.Values.Select(waiting => waiting.VmName));
    }

    [Fact]
    public void A_repeated_request_for_a_waiting_VM_is_answered_with_its_place_in_the_queue()
    {
        var scenario = new EngineScenario(new TestCluster().Host("lost").Vm("gridce", "lost"));
        var recoveryId = Guid.NewGuid();
        var first = scenario.Place("gridce", mustRelocate: true, recoveryId: recoveryId).Refused;
        scenario.Time.Advance(TimeSpan.FromSeconds(30));

        var again = scenario.Place("gridce", mustRelocate: true, recoveryId: recoveryId).Refused;

        Assert.Equal(first, again);
        Assert.Single(scenario.State.Waiting);
    }

    [Fact]
    public void The_end_of_an_incident_drops_its_waiting_request()
    {
        var scenario = new EngineScenario(new TestCluster().Host("lost").Host("alfa01").Vm("gridce", "lost"));
        scenario.Down("alfa01");
        var waiting = scenario.Place("gridce", mustRelocate: true).Refused!;

        scenario.Completed(waiting.RecoveryId, "gridce");

        Assert.Empty(scenario.State.Waiting);
        Assert.Empty(scenario.Up("alfa01"));
    }

    private static Guid FillAlfa01(EngineScenario scenario) => scenario.Place("blocker", mustRelocate: true).Placed!.RecoveryId;

    private static Guid NoReservation(object _) => Guid.Empty;

    private static Guid NoReservation(Action obstacle)
    {
        obstacle();
        return Guid.Empty;
    }
}
