using Grpc.Core;
using ThreeRC.Api.Tests.Fixtures;
using ThreeRC.Api.V1;
using ThreeRC.Contracts.Monitoring;
using ThreeRC.Contracts.Placement;
using RecoveryStep = ThreeRC.Contracts.Recovery.RecoveryStep;

namespace ThreeRC.Api.Tests.Grpc;

public sealed class PlanRecoveryTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private readonly ApiHost _api = fixture.Host;

    [Fact]
    public async Task With_no_incident_and_its_host_up_the_first_step_is_a_reboot_and_placement_says_where_a_restart_would_go()
    {
        _api.Placement.Answers["gridce"] = new PlacementPreview("gridce", "alfa01", "current host is healthy");

        var plan = await Plan("gridce");

        Assert.Equal(RecoveryLevel.Reboot, plan.Level);
        Assert.False(plan.MustRelocate);
        Assert.Equal(("alfa01", "current host is healthy"), (plan.PlacementHost, plan.PlacementReason));
        Assert.Empty(plan.OpenRecoveryId);
        Assert.Contains(_api.Placement.Asked, asked => asked == new PreviewPlacement("gridce", false));
    }

    [Fact]
    public async Task When_its_physical_host_is_down_the_VM_restarts_elsewhere_without_a_reboot()
    {
        _api.Placement.Answers["gridse"] = new PlacementPreview("gridse", "alfa02", "lowest load_five 0.40");
        await _api.PublishAsync(Sample.Down("alfa04", HostKind.Physical, DateTimeOffset.UtcNow));
        await _api.DrainAsync();

        var plan = await Plan("gridse");

        Assert.Equal(RecoveryLevel.Restart, plan.Level);
        Assert.True(plan.MustRelocate);
        Assert.Equal(("alfa04", HostState.Down), (plan.CurrentHost, plan.CurrentHostState));
        Assert.Equal("alfa02", plan.PlacementHost);
        Assert.Contains("its physical host alfa04 is down", plan.Explanation);
        Assert.Contains(_api.Placement.Asked, asked => asked == new PreviewPlacement("gridse", true));
    }

    [Theory]
    [InlineData("db01", RecoveryStep.Reboot, RecoveryLevel.Restart, "T1")]
    [InlineData("db02", RecoveryStep.Restart, RecoveryLevel.Reinstall, "T2")]
    [InlineData("db07", RecoveryStep.AwaitingCapacity, RecoveryLevel.Reinstall, "T2")]
    [InlineData("web01", RecoveryStep.Restart, RecoveryLevel.Unspecified, "reinstall is disabled for web01")]
    [InlineData("db04", RecoveryStep.Reinstall, RecoveryLevel.Unspecified, "the reinstall is the last intervention")]
    public async Task With_an_open_incident_the_next_level_follows_its_current_step(
        string vm, RecoveryStep step, RecoveryLevel expected, string because)
    {
        var id = Guid.NewGuid();
        _api.Placement.Answers[vm] = new PlacementPreview(vm, "alfa01", "room");
        await _api.PublishAsync(Sample.Started(id, vm, DateTimeOffset.UtcNow.AddMinutes(-4)));
        await _api.PublishAsync(Sample.Step(id, vm, step, DateTimeOffset.UtcNow.AddMinutes(-3)));
        await _api.DrainAsync();

        var plan = await Plan(vm);

        Assert.Equal(expected, plan.Level);
        Assert.Equal(id.ToString(), plan.OpenRecoveryId);
        Assert.Contains(because, plan.Explanation);
    }

    [Fact]
    public async Task A_VM_in_maintenance_has_nothing_planned_and_placement_is_not_asked()
    {
        await _api.PublishAsync(new ThreeRC.Contracts.Operations.MaintenanceChanged(
            ThreeRC.Contracts.Operations.MaintenanceTarget.Vm, "db05", true, "kernel upgrade", "bob", DateTimeOffset.UtcNow));
        await _api.DrainAsync();

        var plan = await Plan("db05");

        Assert.Equal(RecoveryLevel.Unspecified, plan.Level);
        Assert.Contains("in maintenance (kernel upgrade)", plan.Explanation);
        Assert.DoesNotContain(_api.Placement.Asked, asked => asked.VmName == "db05");
    }

    [Fact]
    public async Task When_placement_does_not_answer_the_plan_is_Unavailable_and_says_so()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Plan("db08"));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Contains("placement did not answer within 5s", error.Status.Detail);
    }

    [Fact]
    public async Task Planning_for_an_unknown_VM_is_NotFound()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Plan("ghost"));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    private Task<RecoveryPlan> Plan(string vm) => _api.Recoveries.PlanRecoveryAsync(new PlanRecoveryRequest { VmName = vm }).ResponseAsync;
}
