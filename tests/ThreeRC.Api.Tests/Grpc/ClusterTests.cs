using Grpc.Core;
using ThreeRC.Api.Tests.Fixtures;
using ThreeRC.Api.V1;
using ThreeRC.Contracts.Hypervisor;
using ThreeRC.Contracts.Monitoring;
using ThreeRC.Contracts.Operations;
using ThreeRC.Testing;

namespace ThreeRC.Api.Tests.Grpc;

public sealed class ClusterTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly ApiHost _api = fixture.Host;

    [Fact]
    public async Task Every_host_and_VM_of_the_inventory_is_listed_even_before_any_event()
    {
        var hosts = await _api.Cluster.ListHostsAsync(new ListHostsRequest());
        var vms = await _api.Cluster.ListVmsAsync(new ListVmsRequest());

        Assert.Equal(TestInventory.Hosts, hosts.Hosts.Select(host => host.Name));
        Assert.Equal(TestInventory.Vms.Select(vm => vm.Name), vms.Vms.Select(vm => vm.Name));
        Assert.All(TestInventory.Vms, expected => Assert.Equal(expected.Home, vms.Vms.Single(vm => vm.Name == expected.Name).HomeHost));
    }

    [Fact]
    public async Task A_monitors_state_report_fills_in_a_VM_never_announced_here_but_does_not_undo_a_later_event()
    {
        var at = DateTimeOffset.UtcNow;
        await _api.PublishAsync(new HostStatesReported(at, [new HostStateReport("db03", HostKind.Virtual, true, at.AddMinutes(-30), at.AddSeconds(-2), Sample.Source)]));
        await _api.DrainAsync();
        var filledIn = await Vm("db03");
        await _api.PublishAsync(Sample.Down("db03", HostKind.Virtual, at.AddSeconds(10)));
        await _api.DrainAsync();
        await _api.PublishAsync(new HostStatesReported(at.AddSeconds(5), [new HostStateReport("db03", HostKind.Virtual, true, at.AddMinutes(-30), at.AddSeconds(3), Sample.Source)]));
        await _api.DrainAsync();

        Assert.Equal((VmState.Up, at.AddMinutes(-30), $"reports to {Sample.Source}"), (filledIn.State, filledIn.StateSince.ToDateTimeOffset(), filledIn.StateReason));
        Assert.Equal(VmState.Down, (await Vm("db03")).State);
    }

    [Fact]
    public async Task A_host_that_stops_reporting_is_listed_down_with_the_monitors_reason_and_its_load()
    {
        var at = DateTimeOffset.UtcNow;
        await _api.PublishAsync(new HostLoadReported(at, [new ThreeRC.Contracts.Monitoring.HostLoad("alfa02", 1.5, 2.25, 16, 65_536_000, 1_024_000, at)]));
        await _api.PublishAsync(Sample.Down("alfa02", HostKind.Physical, at.AddSeconds(1)));

        var host = await Eventually.Until(
            async () => (await _api.Cluster.ListHostsAsync(new ListHostsRequest())).Hosts.Single(host => host.Name == "alfa02"),
            host => host.State == HostState.Down, Patience, "alfa02 down");

        Assert.Contains("TN 90 s", host.StateReason);
        Assert.Equal(2.25, host.Load.LoadFive);
        Assert.Equal(16, host.Load.CpuCount);
        Assert.Equal(at.AddSeconds(1).ToUnixTimeMilliseconds(), host.StateSince.ToDateTimeOffset().ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task A_state_older_than_the_one_stored_is_ignored_because_events_may_arrive_out_of_order()
    {
        var at = DateTimeOffset.UtcNow;
        await _api.PublishAsync(Sample.Down("db04", HostKind.Virtual, at));
        await _api.PublishAsync(Sample.Up("db04", HostKind.Virtual, at.AddMinutes(-5)));
        await _api.DrainAsync();

        var vm = await _api.Cluster.GetVmAsync(new GetVmRequest { Name = "db04" });

        Assert.Equal(VmState.Down, vm.State);
    }

    [Fact]
    public async Task A_VM_restarted_on_another_host_is_listed_there()
    {
        await _api.PublishAsync(new VmRestarted(Guid.NewGuid(), "db05", Guid.NewGuid(), "alfa04", ["threerc@alfa04: virsh start db05"], DateTimeOffset.UtcNow));

        var vm = await Eventually.Until(
            () => _api.Cluster.GetVmAsync(new GetVmRequest { Name = "db05" }).ResponseAsync,
            vm => vm.CurrentHost == "alfa04", Patience, "db05 on alfa04");
        var onAlfa04 = await _api.Cluster.ListVmsAsync(new ListVmsRequest { HostName = "alfa04" });
        var hosts = await _api.Cluster.ListHostsAsync(new ListHostsRequest());

        Assert.Equal("alfa02", vm.HomeHost);
        Assert.Contains("db05", onAlfa04.Vms.Select(candidate => candidate.Name));
        Assert.Contains("db05", hosts.Hosts.Single(host => host.Name == "alfa04").VmNames);
        Assert.DoesNotContain("db05", hosts.Hosts.Single(host => host.Name == "alfa02").VmNames);
    }

    [Fact]
    public async Task An_incident_that_ends_naming_where_the_VM_runs_puts_it_there_and_one_that_does_not_leaves_it()
    {
        var start = DateTimeOffset.UtcNow.AddMinutes(-10);
        var moved = Sample.Completed(Guid.NewGuid(), "db07", ThreeRC.Contracts.Recovery.RecoveryOutcome.Failed, null, start, start.AddMinutes(5))
            with { RunningOn = "alfa04" };
        var unknown = Sample.Completed(Guid.NewGuid(), "db07", ThreeRC.Contracts.Recovery.RecoveryOutcome.Cancelled, null, start.AddMinutes(6), start.AddMinutes(7));
        await _api.PublishAsync(moved);
        await _api.PublishAsync(unknown);
        await _api.DrainAsync();

        var vm = await _api.Cluster.GetVmAsync(new GetVmRequest { Name = "db07" });

        Assert.Equal(("alfa01", "alfa04"), (vm.HomeHost, vm.CurrentHost));
    }

    [Fact]
    public async Task A_host_fenced_through_its_BMC_is_listed_fenced()
    {
        await _api.PublishAsync(new HostFenced(Guid.NewGuid(), "db01", Guid.NewGuid(), "alfa01", FenceMethod.Ipmi, ["ipmitool chassis power off"], DateTimeOffset.UtcNow));

        await Eventually.Until(
            async () => (await _api.Cluster.ListHostsAsync(new ListHostsRequest())).Hosts.Single(host => host.Name == "alfa01").State,
            state => state == HostState.Fenced, Patience, "alfa01 fenced");
    }

    [Fact]
    public async Task Maintenance_announced_on_the_bus_shows_on_the_VM()
    {
        await _api.PublishAsync(new MaintenanceChanged(ThreeRC.Contracts.Operations.MaintenanceTarget.Vm, "db06", true, "disk swap", "alice", DateTimeOffset.UtcNow));

        var vm = await Eventually.Until(
            () => _api.Cluster.GetVmAsync(new GetVmRequest { Name = "db06" }).ResponseAsync,
            vm => vm.Maintenance is not null, Patience, "db06 in maintenance");

        Assert.Equal("disk swap", vm.Maintenance.Reason);
        Assert.Equal("alice", vm.Maintenance.ChangedBy);
    }

    [Fact]
    public async Task Asking_for_a_VM_the_inventory_does_not_have_is_NotFound_and_names_the_known_ones()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _api.Cluster.GetVmAsync(new GetVmRequest { Name = "nosuchvm" }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Contains("no VM named 'nosuchvm'", error.Status.Detail);
        Assert.Contains("gridce", error.Status.Detail);
    }

    [Theory]
    [InlineData("")]
    [InlineData("bad name; rm -rf /")]
    public async Task A_missing_or_malformed_VM_name_is_InvalidArgument(string name)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _api.Cluster.GetVmAsync(new GetVmRequest { Name = name }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("name:", error.Status.Detail);
    }

    [Fact]
    public async Task Listing_the_VMs_of_an_unknown_host_is_NotFound()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _api.Cluster.ListVmsAsync(new ListVmsRequest { HostName = "beta09" }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    private async Task<Vm> Vm(string name) => (await _api.Cluster.ListVmsAsync(new ListVmsRequest())).Vms.Single(vm => vm.Name == name);
}
