using Microsoft.Extensions.Logging;
using ThreeRC.Contracts.Hypervisor;
using ThreeRC.Contracts.Monitoring;
using ThreeRC.Contracts.Operations;
using ThreeRC.Contracts.Placement;
using ThreeRC.Placement.Tests.Support;

namespace ThreeRC.Placement.Tests.Engine;

public class BadInputTests
{
    private readonly EngineScenario _scenario = new(new TestCluster().Host("alfa01").Host("alfa02").Vm("gridce", "alfa01"));

    [Fact]
    public void An_unknown_VM_can_never_be_placed_and_is_not_queued()
    {
        var refused = _scenario.Place("ghost").Refused!;

        Assert.False(refused.Queued);
        Assert.Equal("VM 'ghost' is not in the inventory: it can never be placed", refused.Reason);
        Assert.Empty(_scenario.State.Waiting);
        AssertLogged(LogLevel.Warning, "ghost");
    }

    [Fact]
    public void A_request_without_a_VM_name_or_an_incident_is_refused_with_the_reason()
    {
        var nameless = _scenario.Engine.Place(new PlaceVm(Guid.NewGuid(), null!, false, 0, _scenario.Now), _scenario.Now).Refused!;
        var anonymous = _scenario.Place("gridce", recoveryId: Guid.Empty).Refused!;

        Assert.Equal(("", "VM (no name given) is not in the inventory: it can never be placed", false), (nameless.VmName, nameless.Reason, nameless.Queued));
        Assert.Equal("PlaceVm carries no RecoveryId: every placement must name its incident", anonymous.Reason);
        Assert.Empty(_scenario.State.Reservations);
    }

    [Fact]
    public void Questions_about_unknown_names_answer_unknown()
    {
        var vms = _scenario.Engine.VmsOn(new GetVmsOnHost("nowhere"));
        var location = _scenario.Engine.Locate(new WhereIsVm("ghost"));
        var preview = _scenario.Engine.Preview(new PreviewPlacement("ghost", false));

        Assert.Equal(("nowhere", false), (vms.HostName, vms.Known));
        Assert.Empty(vms.VmNames);
        Assert.Equal(new VmLocation("ghost", false, null), location);
        Assert.Equal(new PlacementPreview("ghost", null, "VM 'ghost' is not in the inventory"), preview);
        AssertLogged(LogLevel.Warning, "nowhere");
    }

    [Fact]
    public void Load_reports_for_unknown_hosts_or_with_impossible_loads_are_ignored_and_the_rest_is_kept()
    {
        var now = _scenario.Now;
        _scenario.Engine.RecordLoads(new HostLoadReported(now,
        [
            new HostLoad("nowhere", 1, 1, 4, 0, 0, now),
            new HostLoad("alfa01", double.NaN, double.NaN, 4, 0, 0, now),
            null!,
            new HostLoad("alfa02", 3, 3, 4, 0, 0, now),
        ]), now);
        _scenario.Engine.RecordLoads(new HostLoadReported(now, null!), now);

        Assert.Null(_scenario.Host("alfa01").Load);
        Assert.Equal(3, _scenario.Host("alfa02").Load!.LoadFive);
        AssertLogged(LogLevel.Warning, "nowhere: not a physical host of the inventory; alfa01: load_five NaN is not a load");
    }

    [Fact]
    public void Events_about_unknown_hosts_VMs_or_virtual_hosts_change_nothing()
    {
        var now = _scenario.Now;
        _scenario.Engine.HostDown(new HostUnresponsive("gridce", HostKind.Virtual, "gridce", now, now, "test", "guest crashed"));
        _scenario.Engine.HostDown(new HostUnresponsive("nowhere", HostKind.Physical, "nowhere", now, now, "test", "gone"));
        _scenario.Engine.HostFenced(new HostFenced(Guid.NewGuid(), "gridce", Guid.NewGuid(), null!, FenceMethod.Ipmi, [], now));
        _scenario.Engine.MaintenanceChanged(new MaintenanceChanged(MaintenanceTarget.Vm, "alfa01", true, "test", "operator", now), now);
        _scenario.Restarted(Guid.NewGuid(), "ghost", "alfa02");
        _scenario.Engine.Restarted(new VmRestarted(Guid.NewGuid(), "gridce", Guid.NewGuid(), null!, [], now), now);

        Assert.All(_scenario.State.Hosts, host => Assert.Equal((true, false, false), (host.Up, host.Fenced, host.InMaintenance)));
        Assert.Equal("alfa01", _scenario.State.HostOf("gridce"));
        Assert.False(_scenario.State.Changes.Any);
    }

    private void AssertLogged(LogLevel level, string text) =>
        Assert.Contains(_scenario.Logger.Collector.GetSnapshot(), log => log.Level == level && log.Message.Contains(text, StringComparison.Ordinal));
}
