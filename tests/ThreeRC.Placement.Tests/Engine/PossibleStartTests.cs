using Microsoft.Extensions.Logging;
using ThreeRC.Contracts.Hypervisor;
using ThreeRC.Contracts.Placement;
using ThreeRC.Placement.Tests.Support;

namespace ThreeRC.Placement.Tests.Engine;

/// <summary>
/// A start that failed but may have taken effect: web1 (4 GiB, home alfa01) may run where it was tried until that
/// host is fenced for it, or web1 is verified running somewhere.
/// </summary>
public class PossibleStartTests
{
    private readonly EngineScenario _scenario = new(new TestCluster()
        .Host("alfa01").Host("alfa02").Host("alfa03").Vm("web1", "alfa01", memoryMb: 4_096).Vm("db1", "alfa01"));

    private readonly Guid _incident = Guid.NewGuid();

    [Theory]
    [InlineData(true, new[] { "web1" }, 1, 4_096L)]
    [InlineData(false, new string[0], 0, 0L)]
    public void A_failed_start_that_may_have_taken_effect_lists_the_VM_on_that_host_and_the_host_counts_it(
        bool mayHaveTakenEffect, string[] listed, int vmCount, long memoryMb)
    {
        _scenario.RestartFailed(_incident, "web1", "alfa02", mayHaveTakenEffect);

        Assert.Equal(listed, _scenario.VmsOn("alfa02"));
        Assert.Equal((vmCount, memoryMb), (_scenario.Host("alfa02").VmCount, _scenario.Host("alfa02").UsedMemoryMb));
        Assert.Equal(["db1", "web1"], _scenario.VmsOn("alfa01"));
    }

    [Fact]
    public void Its_reservation_ends_with_the_failure_but_the_host_still_counts_the_VM()
    {
        _scenario.Down("alfa01");
        var host = _scenario.Place("web1", mustRelocate: true, recoveryId: _incident).Placed!.HostName;

        _scenario.RestartFailed(_incident, "web1", host, mayHaveTakenEffect: true);

        Assert.Empty(_scenario.State.Reservations);
        Assert.Equal((1, 4_096L), (_scenario.Host(host).VmCount, _scenario.Host(host).UsedMemoryMb));
    }

    [Fact]
    public void A_hypervisor_fence_of_that_host_for_that_VM_forgets_it_and_one_for_another_VM_does_not()
    {
        _scenario.RestartFailed(_incident, "web1", "alfa02", mayHaveTakenEffect: true);

        _scenario.Fence("alfa02", FenceMethod.Hypervisor, vm: "db1");
        var afterOtherFence = _scenario.VmsOn("alfa02");
        _scenario.Fence("alfa02", FenceMethod.Hypervisor, vm: "web1");

        Assert.Equal(["web1"], afterOtherFence);
        Assert.Empty(_scenario.VmsOn("alfa02"));
        Assert.Equal(0, _scenario.Host("alfa02").VmCount);
    }

    [Fact]
    public void An_IPMI_fence_powers_the_host_off_and_so_forgets_every_VM_that_may_run_there()
    {
        _scenario.RestartFailed(_incident, "web1", "alfa02", mayHaveTakenEffect: true);
        _scenario.RestartFailed(Guid.NewGuid(), "db1", "alfa02", mayHaveTakenEffect: true);

        _scenario.Fence("alfa02", FenceMethod.Ipmi, vm: "web1");

        Assert.Empty(_scenario.VmsOn("alfa02"));
    }

    [Fact]
    public void A_fence_from_before_the_failed_start_does_not_cover_it()
    {
        _scenario.RestartFailed(_incident, "web1", "alfa02", mayHaveTakenEffect: true);

        _scenario.Fence("alfa02", FenceMethod.Hypervisor, vm: "web1", at: _scenario.Now.AddMinutes(-1));

        Assert.Equal(["web1"], _scenario.VmsOn("alfa02"));
    }

    [Fact]
    public void A_verified_start_on_any_host_forgets_where_the_VM_may_also_run()
    {
        _scenario.RestartFailed(_incident, "web1", "alfa02", mayHaveTakenEffect: true);
        _scenario.Time.Advance(TimeSpan.FromMinutes(1));

        _scenario.Restarted(_incident, "web1", "alfa03");

        Assert.Empty(_scenario.VmsOn("alfa02"));
        Assert.Equal(["web1"], _scenario.VmsOn("alfa03"));
        Assert.Equal((0, 1), (_scenario.Host("alfa02").VmCount, _scenario.Host("alfa03").VmCount));
    }

    [Fact]
    public void An_incident_that_ends_naming_where_the_VM_runs_puts_it_there_and_keeps_the_other_host_until_it_is_fenced()
    {
        _scenario.RestartFailed(_incident, "web1", "alfa02", mayHaveTakenEffect: true);
        _scenario.RestartFailed(_incident, "web1", "alfa03", mayHaveTakenEffect: true);

        _scenario.Completed(_incident, "web1", runningOn: "alfa02");
        var whileAlfa03MayRunIt = _scenario.VmsOn("alfa03");
        _scenario.Fence("alfa03", FenceMethod.Hypervisor, vm: "web1");

        Assert.Equal("alfa02", _scenario.State.HostOf("web1"));
        Assert.Equal(["web1"], _scenario.VmsOn("alfa02"));
        Assert.Equal(1, _scenario.Host("alfa02").VmCount);
        Assert.Equal(["db1"], _scenario.VmsOn("alfa01"));
        Assert.Equal(["web1"], whileAlfa03MayRunIt);
        Assert.Empty(_scenario.VmsOn("alfa03"));
    }

    [Fact]
    public void A_VM_that_may_run_where_the_map_already_puts_it_is_counted_there_once()
    {
        _scenario.RestartFailed(_incident, "web1", "alfa01", mayHaveTakenEffect: true);

        Assert.Equal((2, 4_096L + 1_024L), (_scenario.Host("alfa01").VmCount, _scenario.Host("alfa01").UsedMemoryMb));
        Assert.Equal(["db1", "web1"], _scenario.VmsOn("alfa01"));
    }

    [Fact]
    public void WhereIsVm_answers_the_map_and_logs_where_the_VM_may_also_run_since_its_answer_has_no_field_for_it()
    {
        _scenario.RestartFailed(_incident, "web1", "alfa02", mayHaveTakenEffect: true);

        var location = _scenario.Engine.Locate(new WhereIsVm("web1"));

        Assert.Equal(new VmLocation("web1", true, "alfa01"), location);
        Assert.Contains(_scenario.Logger.Collector.GetSnapshot(), log => log.Level == LogLevel.Warning
            && log.Message.StartsWith("WhereIsVm web1: the map puts it on alfa01, but it may also run on alfa02", StringComparison.Ordinal));
    }
}
