using ThreeRC.Placement.Tests.Support;

namespace ThreeRC.Placement.Tests.Choice;

public class ScoreTests
{
    [Theory]
    [InlineData("load", "alfa03")]
    [InlineData("VM count", "alfa03")]
    [InlineData("memory", "alfa03")]
    public void The_host_with_the_lowest_score_is_chosen(string differs, string expected)
    {
        var cluster = new TestCluster().Host("alfa01").Host("alfa02").Host("alfa03").Vm("gridce", "alfa01");
        if (differs == "VM count") cluster.Vm("a", "alfa02", memoryMb: 512).Vm("b", "alfa02", memoryMb: 512).Vm("c", "alfa03", memoryMb: 1_024);
        if (differs == "memory") cluster.Vm("big", "alfa02", memoryMb: 8_192).Vm("small", "alfa03", memoryMb: 1_024);
        var scenario = new EngineScenario(cluster);
        if (differs == "load") scenario.Load("alfa02", 4);

        Assert.Equal(expected, scenario.PlaceOn("gridce", mustRelocate: true));
    }

    [Fact]
    public void The_score_adds_load_VM_and_memory_fractions_once_placed()
    {
        var scenario = new EngineScenario(new TestCluster()
            .Host("alfa01").Host("alfa02", threshold: 10, maxVms: 4, memoryMb: 8_192)
            .Vm("gridce", "alfa01", memoryMb: 2_048).Vm("other", "alfa02", memoryMb: 2_048));
        scenario.Load("alfa02", 4);

        var placed = scenario.Place("gridce", mustRelocate: true).Placed!;

        // (4 + 1) / 10 + 2 / 4 + 4096 / 8192 = 1.5
        Assert.Equal("alfa02", placed.HostName);
        Assert.Contains("score 1.500: load 5.00 of 10, 2 of 4 VMs, 4096 of 8192 MiB once placed", placed.Reason);
    }

    [Fact]
    public void Equal_scores_go_to_the_first_host_name_whatever_the_inventory_order()
    {
        var scenario = new EngineScenario(new TestCluster().Host("home").Host("charlie").Host("bravo").Host("delta").Vm("gridce", "home"));

        Assert.Equal("bravo", scenario.PlaceOn("gridce", mustRelocate: true));
    }

    [Fact]
    public void A_crashed_guest_on_a_healthy_host_restarts_in_place_even_when_another_host_scores_better()
    {
        var scenario = new EngineScenario(new TestCluster().Host("alfa01").Host("alfa02").Vm("gridce", "alfa01"));
        scenario.Load("alfa01", 6);

        var placed = scenario.Place("gridce").Placed!;

        Assert.Equal("alfa01", placed.HostName);
        Assert.Equal("alfa01", placed.PreviousHost);
        Assert.StartsWith("current host alfa01 is healthy: restart in place", placed.Reason);
    }

    [Fact]
    public void A_current_host_over_its_threshold_sends_the_VM_to_another_host()
    {
        // The paper's gridce: alfa01 was over its threshold, alfa04 under it.
        var scenario = new EngineScenario(new TestCluster().Host("alfa01").Host("alfa04").Vm("gridce", "alfa01"));
        scenario.Load("alfa01", 12.5);
        scenario.Load("alfa04", 2);

        Assert.Equal("alfa04", scenario.PlaceOn("gridce"));
    }

    [Fact]
    public void A_lost_host_is_never_chosen_even_when_it_looks_best()
    {
        var scenario = new EngineScenario(new TestCluster().Host("alfa01").Host("alfa02").Vm("gridce", "alfa01"));
        scenario.Load("alfa02", 9);

        Assert.Equal("alfa02", scenario.PlaceOn("gridce", mustRelocate: true));
    }
}
