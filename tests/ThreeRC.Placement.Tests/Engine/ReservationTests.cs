using ThreeRC.Contracts.Placement;
using ThreeRC.Placement.Options;
using ThreeRC.Placement.Tests.Support;

namespace ThreeRC.Placement.Tests.Engine;

public class ReservationTests
{
    [Fact]
    public void A_burst_of_placements_spreads_over_the_hosts_before_any_load_report()
    {
        var cluster = new TestCluster().Host("lost").Host("alfa01").Host("alfa02").Host("alfa03");
        for (var i = 0; i < 9; i++) cluster.Vm($"vm{i}", "lost");
        var scenario = new EngineScenario(cluster);
        scenario.Down("lost");

        var hosts = Enumerable.Range(0, 9).Select(i => scenario.PlaceOn($"vm{i}", mustRelocate: true)).ToList();

        Assert.All(hosts.GroupBy(host => host), group => Assert.Equal(3, group.Count()));
        Assert.Equal(["alfa01", "alfa02", "alfa03"], hosts.Distinct().Order());
    }

    [Fact]
    public void A_reservation_counts_against_the_load_threshold_at_once()
    {
        var scenario = new EngineScenario(new TestCluster().Host("lost").Host("alfa01", threshold: 4).Vm("a", "lost").Vm("b", "lost").Vm("c", "lost"),
            new PlacementOptions { ExpectedLoadPerVm = 1.5 });
        scenario.Load("alfa01", 0.5);

        // 0.5 + 1.5 = 2 and 0.5 + 3 = 3.5 are under 4; 0.5 + 4.5 = 5 is not.
        Assert.Equal("alfa01", scenario.PlaceOn("a", mustRelocate: true));
        Assert.Equal("alfa01", scenario.PlaceOn("b", mustRelocate: true));
        Assert.Null(scenario.PlaceOn("c", mustRelocate: true));
        Assert.Equal(2, scenario.Host("alfa01").Arrivals);
    }

    [Fact]
    public void A_reservation_counts_against_VMs_memory_and_anti_affinity_at_once()
    {
        var scenario = new EngineScenario(new TestCluster().Host("lost").Host("alfa01", maxVms: 3, memoryMb: 8_192)
            .Vm("a", "lost", memoryMb: 2_048, group: "web").Vm("b", "lost", memoryMb: 1_024, group: "web"));

        scenario.Place("a", mustRelocate: true);

        var host = scenario.Host("alfa01");
        Assert.Equal((1, 2_048L, 1), (host.VmCount, host.UsedMemoryMb, host.OccupantsInGroup("web")));
        Assert.Contains("holding a VM of its anti-affinity group (1): alfa01", scenario.Place("b", mustRelocate: true).Refused!.Reason);
    }

    [Fact]
    public void A_repeated_request_is_answered_with_its_reservation_and_reserves_nothing_more()
    {
        var scenario = new EngineScenario(new TestCluster().Host("lost").Host("alfa01").Host("alfa02").Vm("gridce", "lost"));
        var recoveryId = Guid.NewGuid();

        var first = scenario.Place("gridce", mustRelocate: true, recoveryId: recoveryId).Placed;
        scenario.Time.Advance(TimeSpan.FromSeconds(5));
        var again = scenario.Place("gridce", mustRelocate: true, recoveryId: recoveryId).Placed;

        Assert.Equal(first, again);
        Assert.Single(scenario.State.Reservations);
        Assert.Equal(1, scenario.State.Hosts.Sum(host => host.Arrivals));
    }

    [Fact]
    public void A_restart_turns_the_reservation_into_the_VMs_place_on_its_new_host()
    {
        var scenario = new EngineScenario(new TestCluster().Host("lost").Host("alfa01").Vm("gridce", "lost", memoryMb: 4_096));
        var placed = scenario.Place("gridce", mustRelocate: true).Placed!;

        scenario.Restarted(placed.RecoveryId, "gridce", "alfa01");

        Assert.Empty(scenario.State.Reservations);
        Assert.Equal("alfa01", scenario.State.HostOf("gridce"));
        Assert.Equal((1, 4_096L), (scenario.Host("alfa01").VmCount, scenario.Host("alfa01").UsedMemoryMb));
        Assert.Equal((0, 0L), (scenario.Host("lost").VmCount, scenario.Host("lost").UsedMemoryMb));
        Assert.Equal(1, scenario.Host("alfa01").Arrivals);
    }

    [Fact]
    public void A_started_VM_stops_counting_as_an_arrival_once_load_five_has_had_time_to_show_it()
    {
        var scenario = new EngineScenario(new TestCluster().Host("lost").Host("alfa01").Vm("gridce", "lost"));
        var placed = scenario.Place("gridce", mustRelocate: true).Placed!;
        scenario.Restarted(placed.RecoveryId, "gridce", "alfa01");

        scenario.Time.Advance(scenario.Options.LoadSettleTime - TimeSpan.FromSeconds(1));
        scenario.Sweep();
        var before = scenario.Host("alfa01").Arrivals;
        scenario.Time.Advance(TimeSpan.FromSeconds(1));
        scenario.Sweep();

        Assert.Equal((1, 0), (before, scenario.Host("alfa01").Arrivals));
    }

    [Fact]
    public void A_failed_restart_releases_the_reservation()
    {
        var scenario = new EngineScenario(new TestCluster().Host("lost").Host("alfa01").Vm("gridce", "lost"));
        var placed = scenario.Place("gridce", mustRelocate: true).Placed!;

        scenario.RestartFailed(placed.RecoveryId, "gridce", "alfa01");

        Assert.Empty(scenario.State.Reservations);
        Assert.Equal((0, 0), (scenario.Host("alfa01").VmCount, scenario.Host("alfa01").Arrivals));
        Assert.Equal("lost", scenario.State.HostOf("gridce"));
    }

    [Fact]
    public void The_end_of_an_incident_releases_its_reservation()
    {
        var scenario = new EngineScenario(new TestCluster().Host("lost").Host("alfa01").Vm("gridce", "lost"));
        var placed = scenario.Place("gridce", mustRelocate: true).Placed!;

        scenario.Completed(placed.RecoveryId, "gridce");

        Assert.Empty(scenario.State.Reservations);
        Assert.Equal(0, scenario.Host("alfa01").VmCount);
    }

    [Fact]
    public void A_reservation_without_a_restart_result_expires()
    {
        var scenario = new EngineScenario(new TestCluster().Host("lost").Host("alfa01").Vm("gridce", "lost"));
        scenario.Place("gridce", mustRelocate: true);

        scenario.Time.Advance(scenario.Options.ReservationLifetime - TimeSpan.FromSeconds(1));
        scenario.Sweep();
        var before = scenario.State.Reservations.Count;
        scenario.Time.Advance(TimeSpan.FromSeconds(1));
        scenario.Sweep();

        Assert.Equal((1, 0), (before, scenario.State.Reservations.Count));
        Assert.Equal(0, scenario.Host("alfa01").VmCount);
        Assert.Contains(scenario.Logger.Collector.GetSnapshot(), log => log.Message.Contains("no restart result since", StringComparison.Ordinal));
    }

    [Fact]
    public void A_new_incident_of_a_VM_replaces_the_reservation_of_its_earlier_one()
    {
        var scenario = new EngineScenario(new TestCluster().Host("lost").Host("alfa01").Host("alfa02").Vm("gridce", "lost"));
        var earlier = scenario.Place("gridce", mustRelocate: true).Placed!;

        var later = scenario.Place("gridce", mustRelocate: true).Placed!;

        Assert.Equal([later.RecoveryId], scenario.State.Reservations.Keys);
        Assert.Equal(1, scenario.State.Hosts.Sum(host => host.VmCount) - scenario.Host("lost").VmCount);
        Assert.NotEqual(earlier.RecoveryId, later.RecoveryId);
    }

    [Fact]
    public void After_a_restart_fails_on_a_host_the_next_placement_of_that_VM_goes_elsewhere_until_the_memory_expires()
    {
        var scenario = new EngineScenario(new TestCluster().Host("alfa01").Host("alfa02").Vm("gridce", "alfa01"));
        var placed = scenario.Place("gridce").Placed!;
        Assert.Equal("alfa01", placed.HostName);

        scenario.RestartFailed(placed.RecoveryId, "gridce", "alfa01");

        Assert.Equal("alfa02", scenario.Place("gridce", recoveryId: placed.RecoveryId).Placed!.HostName);
        scenario.RestartFailed(placed.RecoveryId, "gridce", "alfa02");
        scenario.Time.Advance(scenario.Options.ReservationLifetime);
        Assert.Equal("alfa01", scenario.Place("gridce", recoveryId: placed.RecoveryId).Placed!.HostName);
    }

    [Fact]
    public void A_host_the_request_names_as_where_the_restart_failed_is_not_chosen_before_placement_hears_of_the_failure()
    {
        var scenario = new EngineScenario(new TestCluster().Host("alfa01").Host("alfa02").Vm("gridce", "alfa01"));

        var answer = scenario.Engine.Place(new PlaceVm(Guid.NewGuid(), "gridce", false, 0, scenario.Now, ["alfa01"]), scenario.Now);

        Assert.Equal("alfa02", answer.Placed!.HostName);
    }

    [Fact]
    public void A_new_request_of_the_incident_is_decided_anew_before_placement_hears_of_the_failed_restart_and_a_redelivered_one_gets_the_same_answer()
    {
        var scenario = new EngineScenario(new TestCluster().Host("alfa01").Host("alfa02").Vm("gridce", "alfa01"));
        var (incident, first, second) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        var placed = scenario.Engine.Place(new PlaceVm(incident, "gridce", false, 0, scenario.Now, [], first), scenario.Now).Placed!;
        var redelivered = scenario.Engine.Place(new PlaceVm(incident, "gridce", false, 0, scenario.Now, [], first), scenario.Now).Placed!;
        var anew = scenario.Engine.Place(new PlaceVm(incident, "gridce", false, 0, scenario.Now, ["alfa01"], second), scenario.Now).Placed!;

        Assert.Equal(("alfa01", first), (placed.HostName, placed.RequestId));
        Assert.Equal(placed, redelivered);
        Assert.Equal(("alfa02", second), (anew.HostName, anew.RequestId));
        Assert.Equal("alfa02", Assert.Single(scenario.State.Reservations.Values).HostName);
    }

    [Fact]
    public void The_end_of_its_incident_forgets_where_its_restarts_failed()
    {
        var scenario = new EngineScenario(new TestCluster().Host("alfa01").Host("alfa02").Vm("gridce", "alfa01"));
        var placed = scenario.Place("gridce").Placed!;
        scenario.RestartFailed(placed.RecoveryId, "gridce", "alfa01");

        scenario.Completed(placed.RecoveryId, "gridce");

        Assert.Equal("alfa01", scenario.PlaceOn("gridce"));
    }

    [Fact]
    public void A_host_that_reports_again_takes_the_VM_whose_restart_failed_there_while_it_was_unreachable()
    {
        var scenario = new EngineScenario(new TestCluster().Host("alfa01").Host("alfa02").Vm("gridce", "alfa01"));
        var placed = scenario.Place("gridce").Placed!;
        scenario.RestartFailed(placed.RecoveryId, "gridce", "alfa01");
        scenario.Down("alfa01");
        Assert.Equal("alfa02", scenario.Place("gridce", recoveryId: placed.RecoveryId).Placed!.HostName);
        scenario.RestartFailed(placed.RecoveryId, "gridce", "alfa02");
        scenario.Down("alfa02");
        Assert.Null(scenario.Place("gridce", recoveryId: placed.RecoveryId).Placed);

        var placedNow = scenario.Up("alfa01");

        Assert.Equal(("gridce", "alfa01"), (Assert.Single(placedNow).VmName, placedNow[0].HostName));
    }
}
