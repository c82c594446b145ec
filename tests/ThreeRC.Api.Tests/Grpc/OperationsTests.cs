using Grpc.Core;
using ThreeRC.Api.Tests.Fixtures;
using ThreeRC.Api.V1;
using ThreeRC.Contracts.Monitoring;
using ThreeRC.Testing;
using MaintenanceChanged = ThreeRC.Contracts.Operations.MaintenanceChanged;
using RecoveryRequested = ThreeRC.Contracts.Recovery.RecoveryRequested;

namespace ThreeRC.Api.Tests.Grpc;

public sealed class OperationsTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly ApiHost _api = fixture.Host;

    [Fact]
    public async Task Maintenance_on_a_VM_is_published_recorded_and_shown()
    {
        var action = await _api.Operations.SetMaintenanceAsync(Maintenance(MaintenanceTarget.Vm, "gridce", "replacing its disk"));

        var vm = await Eventually.Until(
            () => _api.Cluster.GetVmAsync(new GetVmRequest { Name = "gridce" }).ResponseAsync,
            vm => vm.Maintenance is not null, Patience, "gridce in maintenance");
        var published = (await _api.Received.AwaitAsync<MaintenanceChanged>(change => change.Name == "gridce")).Single();

        Assert.Equal(("maintenance-on", "vm:gridce", "alice"), (action.Action, action.Target, action.RequestedBy));
        Assert.Equal((ThreeRC.Contracts.Operations.MaintenanceTarget.Vm, true, "alice", "replacing its disk"),
            (published.Target, published.InMaintenance, published.ChangedBy, published.Reason));
        Assert.Equal("replacing its disk", vm.Maintenance.Reason);
        Assert.Equal(action, vm.RecentActions.First());
    }

    [Fact]
    public async Task Maintenance_on_a_host_and_off_again_leaves_it_out_of_maintenance()
    {
        await _api.Operations.SetMaintenanceAsync(Maintenance(MaintenanceTarget.Host, "alfa02", "firmware update"));
        await _api.Operations.SetMaintenanceAsync(Maintenance(MaintenanceTarget.Host, "alfa02", "firmware done", on: false));
        await _api.DrainAsync();

        var host = (await _api.Cluster.ListHostsAsync(new ListHostsRequest())).Hosts.Single(host => host.Name == "alfa02");

        Assert.Null(host.Maintenance);
        // Both changes were published; the recorder's queue handles several at once, so their order there proves nothing
        // (the read model above is what shows that the second one counted).
        var changes = await _api.Received.AwaitAsync<MaintenanceChanged>(change => change.Name == "alfa02", count: 2);
        Assert.Equal([false, true], changes.Select(change => change.InMaintenance).Order());
    }

    [Fact]
    public async Task An_unauthenticated_SetMaintenance_is_refused_and_changes_nothing()
    {
        var anonymous = new Operations.OperationsClient(_api.Anonymous);
        var wrongKey = new Operations.OperationsClient(_api.WithKey("not-the-key-at-all-000"));

        var missing = await Assert.ThrowsAsync<RpcException>(
            () => anonymous.SetMaintenanceAsync(Maintenance(MaintenanceTarget.Vm, "db01", "sneaky")).ResponseAsync);
        var wrong = await Assert.ThrowsAsync<RpcException>(
            () => wrongKey.SetMaintenanceAsync(Maintenance(MaintenanceTarget.Vm, "db01", "sneaky")).ResponseAsync);
        await _api.Operations.SetMaintenanceAsync(Maintenance(MaintenanceTarget.Vm, "db02", "the allowed one"));
        await _api.DrainAsync();

        Assert.Equal(StatusCode.Unauthenticated, missing.StatusCode);
        Assert.Contains("x-api-key", missing.Status.Detail);
        Assert.Equal(StatusCode.Unauthenticated, wrong.StatusCode);
        Assert.Contains("not valid", wrong.Status.Detail);
        var db01 = await _api.Cluster.GetVmAsync(new GetVmRequest { Name = "db01" });
        Assert.Null(db01.Maintenance);
        Assert.Empty(db01.RecentActions);
        await _api.Received.AwaitAsync<MaintenanceChanged>(change => change.Name == "db02");
        Assert.DoesNotContain(_api.Received.Of<MaintenanceChanged>(), change => change.Name == "db01");
    }

    [Fact]
    public async Task Maintenance_on_a_name_the_inventory_lacks_is_NotFound()
    {
        var vm = await Refused(() => _api.Operations.SetMaintenanceAsync(Maintenance(MaintenanceTarget.Vm, "ghost", "x")).ResponseAsync);
        var host = await Refused(() => _api.Operations.SetMaintenanceAsync(Maintenance(MaintenanceTarget.Host, "gridce", "x")).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, vm.StatusCode);
        Assert.Equal(StatusCode.NotFound, host.StatusCode);
        Assert.Contains("no physical host named 'gridce'", host.Status.Detail);
    }

    [Theory]
    [InlineData(MaintenanceTarget.Unspecified, "gridce", "why", "alice", "target: required")]
    [InlineData(MaintenanceTarget.Vm, "gridce", "  ", "alice", "reason: required")]
    [InlineData(MaintenanceTarget.Vm, "gridce", "two\nlines", "alice", "reason: must be one line")]
    [InlineData(MaintenanceTarget.Vm, "gridce", "why", "", "requested_by: required")]
    [InlineData(MaintenanceTarget.Vm, "gridce", "why", "Robert'); DROP", "requested_by: 'Robert'); DROP' is not a login name")]
    public async Task A_maintenance_request_with_a_bad_field_is_InvalidArgument_naming_the_field(
        MaintenanceTarget target, string name, string reason, string requestedBy, string expected)
    {
        var request = new SetMaintenanceRequest { Target = target, Name = name, InMaintenance = true, Reason = reason, RequestedBy = requestedBy };

        var error = await Refused(() => _api.Operations.SetMaintenanceAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith(expected, error.Status.Detail);
    }

    [Fact]
    public async Task A_recovery_without_a_level_starts_with_a_reboot_and_is_recorded()
    {
        var action = await _api.Operations.TriggerRecoveryAsync(Recovery("db08", RecoveryLevel.Unspecified));

        var request = (await _api.Received.AwaitAsync<RecoveryRequested>(request => request.VmName == "db08")).Single();

        Assert.Equal(ThreeRC.Contracts.Recovery.RecoveryLevel.Reboot, request.StartLevel);
        Assert.Equal(("alice", "operator test", null), (request.RequestedBy, request.Reason, request.LostHost));
        Assert.Equal(("recovery", "vm:db08", "Reboot: operator test"), (action.Action, action.Target, action.Detail));
    }

    [Fact]
    public async Task A_recovery_without_a_level_restarts_when_the_VMs_physical_host_is_down()
    {
        await _api.PublishAsync(Sample.Down("alfa04", HostKind.Physical, DateTimeOffset.UtcNow));
        await _api.DrainAsync();

        await _api.Operations.TriggerRecoveryAsync(Recovery("db06", RecoveryLevel.Unspecified));

        var request = (await _api.Received.AwaitAsync<RecoveryRequested>(request => request.VmName == "db06")).Single();
        Assert.Equal(ThreeRC.Contracts.Recovery.RecoveryLevel.Restart, request.StartLevel);
    }

    [Fact]
    public async Task A_recovery_at_a_chosen_level_asks_for_that_level()
    {
        await _api.Operations.TriggerRecoveryAsync(Recovery("db04", RecoveryLevel.Reinstall));

        var request = (await _api.Received.AwaitAsync<RecoveryRequested>(request => request.VmName == "db04")).Single();
        Assert.Equal(ThreeRC.Contracts.Recovery.RecoveryLevel.Reinstall, request.StartLevel);
    }

    [Fact]
    public async Task A_reinstall_of_a_VM_that_may_not_be_reinstalled_is_FailedPrecondition()
    {
        var error = await Refused(() => _api.Operations.TriggerRecoveryAsync(Recovery("web01", RecoveryLevel.Reinstall)).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("reinstall is disabled for web01", error.Status.Detail);
    }

    [Fact]
    public async Task A_recovery_of_a_VM_in_maintenance_is_FailedPrecondition()
    {
        await _api.Operations.SetMaintenanceAsync(Maintenance(MaintenanceTarget.Vm, "db05", "moving racks"));
        await _api.DrainAsync();

        var error = await Refused(() => _api.Operations.TriggerRecoveryAsync(Recovery("db05", RecoveryLevel.Reboot)).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("db05 is in maintenance (moving racks)", error.Status.Detail);
    }

    [Fact]
    public async Task A_recovery_of_an_unknown_VM_is_NotFound()
    {
        var error = await Refused(() => _api.Operations.TriggerRecoveryAsync(Recovery("ghost", RecoveryLevel.Reboot)).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    private static SetMaintenanceRequest Maintenance(MaintenanceTarget target, string name, string reason, bool on = true) =>
        new() { Target = target, Name = name, InMaintenance = on, Reason = reason, RequestedBy = "alice" };

    private static TriggerRecoveryRequest Recovery(string vm, RecoveryLevel level) =>
        new() { VmName = vm, StartLevel = level, Reason = "operator test", RequestedBy = "alice" };

    private static Task<RpcException> Refused(Func<Task> call) => Assert.ThrowsAsync<RpcException>(call);
}
