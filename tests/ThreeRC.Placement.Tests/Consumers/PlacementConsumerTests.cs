using ThreeRC.Contracts.Hypervisor;
using ThreeRC.Contracts.Monitoring;
using ThreeRC.Contracts.Placement;
using ThreeRC.Contracts.Recovery;
using ThreeRC.Placement.Tests.Support;

namespace ThreeRC.Placement.Tests.Consumers;

public sealed class PlacementConsumerTests : IAsyncLifetime
{
    private PlacementHarness _placement = null!;

    public async Task InitializeAsync() => _placement = await PlacementHarness.StartAsync(new TestCluster()
        .Host("alfa01").Host("alfa02").Host("alfa03", maxVms: 0)
        .Vm("gridce", "alfa01").Vm("gridse", "alfa01").Vm("gridui", "alfa02").Build());

    public async Task DisposeAsync() => await _placement.DisposeAsync();

    [Fact]
    public async Task A_PlaceVm_is_answered_with_a_published_VmPlaced()
    {
        var recoveryId = Guid.NewGuid();
        await _placement.Publish(new PlaceVm(recoveryId, "gridce", true, 5, _placement.Now));

        var placed = await _placement.Published<VmPlaced>(message => message.RecoveryId == recoveryId);

        Assert.Equal(("gridce", "alfa02", "alfa01"), (placed.VmName, placed.HostName, placed.PreviousHost));
        Assert.Equal(_placement.Now, placed.PlacedAt);
    }

    [Fact]
    public async Task A_waiting_request_is_answered_later_when_its_host_comes_back()
    {
        var recoveryId = Guid.NewGuid();
        await _placement.Deliver(new HostUnresponsive("alfa02", HostKind.Physical, "alfa02", _placement.Now, _placement.Now, "test", "silent"));
        await _placement.Publish(new PlaceVm(recoveryId, "gridce", true, 5, _placement.Now));
        var refused = await _placement.Published<NoCapacity>(message => message.RecoveryId == recoveryId);

        await _placement.Publish(new HostResponsive("alfa02", HostKind.Physical, "alfa02", _placement.Now, _placement.Now, "test"));
        var placed = await _placement.Published<VmPlaced>(message => message.RecoveryId == recoveryId);

        Assert.True(refused.Queued);
        Assert.Equal("alfa02", placed.HostName);
    }

    [Fact]
    public async Task A_restart_moves_the_VM_in_the_map_that_the_queries_answer_from()
    {
        var recoveryId = Guid.NewGuid();
        await _placement.Publish(new PlaceVm(recoveryId, "gridce", true, 5, _placement.Now));
        await _placement.Published<VmPlaced>(message => message.RecoveryId == recoveryId);
        await _placement.Deliver(new VmRestarted(recoveryId, "gridce", Guid.NewGuid(), "alfa02", ["threerc@alfa02: virsh start gridce"], _placement.Now));
        await _placement.Deliver(new RecoveryCompleted(recoveryId, "gridce", RecoveryOutcome.Recovered, "reports again", null, _placement.Now, _placement.Now, TimeSpan.Zero, []));

        var location = await _placement.Ask<WhereIsVm, VmLocation>(new WhereIsVm("gridce"));
        var onAlfa02 = await _placement.Ask<GetVmsOnHost, VmsOnHost>(new GetVmsOnHost("alfa02"));
        var onAlfa01 = await _placement.Ask<GetVmsOnHost, VmsOnHost>(new GetVmsOnHost("alfa01"));

        Assert.Equal(new VmLocation("gridce", true, "alfa02"), location);
        Assert.Equal(["gridce", "gridui"], onAlfa02.VmNames);
        Assert.Equal(["gridse"], onAlfa01.VmNames);
    }

    [Fact]
    public async Task A_preview_names_the_host_and_reserves_nothing()
    {
        var first = await _placement.Ask<PreviewPlacement, PlacementPreview>(new PreviewPlacement("gridce", true));
        var second = await _placement.Ask<PreviewPlacement, PlacementPreview>(new PreviewPlacement("gridse", true));

        Assert.Equal("alfa02", first.HostName);
        Assert.Equal(first.Reason.Replace("gridce", "gridse"), second.Reason.Replace("gridce", "gridse"));
    }

    [Fact]
    public async Task Bad_input_is_answered_with_the_reason_and_no_consumer_faults()
    {
        var recoveryId = Guid.NewGuid();
        await _placement.Publish(new PlaceVm(recoveryId, "ghost", false, 0, _placement.Now));
        await _placement.Deliver(new HostLoadReported(_placement.Now, null!));
        await _placement.Deliver(new HostResponsive(null!, HostKind.Physical, "x", _placement.Now, _placement.Now, "test"));
        await _placement.Deliver(new VmRestarted(Guid.Empty, null!, Guid.Empty, null!, null!, _placement.Now));
        var unknownVm = await _placement.Ask<WhereIsVm, VmLocation>(new WhereIsVm(null!));
        var unknownHost = await _placement.Ask<GetVmsOnHost, VmsOnHost>(new GetVmsOnHost("nowhere"));

        var refused = await _placement.Published<NoCapacity>(message => message.RecoveryId == recoveryId);

        Assert.Equal((false, "VM 'ghost' is not in the inventory: it can never be placed"), (refused.Queued, refused.Reason));
        Assert.False(unknownVm.Known);
        Assert.Equal(("nowhere", false), (unknownHost.HostName, unknownHost.Known));
        Assert.False(_placement.AnyConsumerFaulted());
    }
}
