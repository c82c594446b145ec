using Grpc.Core;
using ThreeRC.Api.Tests.Fixtures;
using ThreeRC.Api.V1;
using ThreeRC.Contracts.Hypervisor;
using ThreeRC.Contracts.Recovery;
using ThreeRC.Testing;
using RecoveryStep = ThreeRC.Contracts.Recovery.RecoveryStep;

namespace ThreeRC.Api.Tests.Grpc;

public sealed class RecoveriesTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly ApiHost _api = fixture.Host;

    [Fact]
    public async Task An_open_incident_shows_on_its_VM_and_its_timeline_grows_with_each_step()
    {
        var id = Guid.NewGuid();
        var crash = DateTimeOffset.UtcNow.AddMinutes(-5);
        await _api.PublishAsync(Sample.Started(id, "gridce", crash.AddSeconds(100), lastHeardAt: crash));
        await _api.PublishAsync(Sample.Step(id, "gridce", RecoveryStep.Reboot, crash.AddSeconds(101)));
        await _api.PublishAsync(Sample.RebootFailed(id, "gridce", crash.AddSeconds(102)));
        await _api.PublishAsync(Sample.Step(id, "gridce", RecoveryStep.Restart, crash.AddSeconds(280), host: "alfa01"));

        var vm = await Eventually.Until(
            () => _api.Cluster.GetVmAsync(new GetVmRequest { Name = "gridce" }).ResponseAsync,
            vm => vm.OpenRecovery?.CurrentStep == RecoveryStepKind.Restart, Patience, "gridce restarting");
        var recovery = await _api.Recoveries.GetRecoveryAsync(new GetRecoveryRequest { Id = id.ToString() });

        Assert.Equal(VmState.Recovering, vm.State);
        Assert.Equal(id.ToString(), vm.OpenRecovery.Id);
        Assert.Equal(RecoveryState.Open, recovery.State);
        Assert.Equal([RecoveryStepKind.Reboot, RecoveryStepKind.Restart], recovery.Steps.Select(step => step.Step));
        Assert.Equal(crash.AddSeconds(280), recovery.Steps[0].EndedAt.ToDateTimeOffset());
        Assert.Null(recovery.Steps[1].EndedAt);
        Assert.Equal("alfa01", recovery.Steps[1].HostName);
        Assert.Equal(
            ["RecoveryStarted", "RecoveryStepStarted", "GuestRebootFailed", "RecoveryStepStarted"],
            recovery.Events.Select(timelineEvent => timelineEvent.Kind));
        Assert.Contains("connection timed out", recovery.Events[2].Summary);
    }

    [Fact]
    public async Task A_completed_incident_carries_its_outcome_time_to_recover_and_the_orchestrators_step_list()
    {
        var id = Guid.NewGuid();
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        await _api.PublishAsync(Sample.Started(id, "gridse", start, lastHeardAt: start.AddMinutes(-2)));
        await _api.PublishAsync(Sample.Step(id, "gridse", RecoveryStep.Reboot, start));
        await _api.PublishAsync(Sample.Completed(id, "gridse", RecoveryOutcome.Recovered, start.AddMinutes(-2), start, start.AddMinutes(4),
            new RecoveryStepRecord(RecoveryStep.Reboot, null, "ssh reboot", start, start.AddMinutes(3)),
            new RecoveryStepRecord(RecoveryStep.Restart, "alfa04", "virsh start", start.AddMinutes(3), start.AddMinutes(4))));

        await _api.DrainAsync();

        var recovery = await _api.Recoveries.GetRecoveryAsync(new GetRecoveryRequest { Id = id.ToString() });
        var vm = await _api.Cluster.GetVmAsync(new GetVmRequest { Name = "gridse" });

        Assert.Equal(RecoveryState.Recovered, recovery.State);
        Assert.Equal(TimeSpan.FromMinutes(4), recovery.TimeToRecover.ToTimeSpan());
        Assert.Equal(start.AddMinutes(-2), recovery.LastHeardAt.ToDateTimeOffset());
        Assert.Equal([RecoveryStepKind.Reboot, RecoveryStepKind.Restart], recovery.Steps.Select(step => step.Step));
        Assert.Equal(start.AddMinutes(4), recovery.Steps[1].EndedAt.ToDateTimeOffset());
        Assert.Null(vm.OpenRecovery);
    }

    [Fact]
    public async Task Events_that_arrive_out_of_order_still_make_one_whole_incident()
    {
        var id = Guid.NewGuid();
        var start = DateTimeOffset.UtcNow.AddMinutes(-30);
        await _api.PublishAsync(Sample.Step(id, "db01", RecoveryStep.Reboot, start.AddSeconds(1)));
        await _api.PublishAsync(Sample.Started(id, "db01", start, lastHeardAt: start.AddMinutes(-1)));

        await _api.DrainAsync();

        var recovery = await _api.Recoveries.GetRecoveryAsync(new GetRecoveryRequest { Id = id.ToString() });

        Assert.Equal("db01 stopped reporting", recovery.Trigger);
        Assert.Equal(start, recovery.StartedAt.ToDateTimeOffset());
        Assert.Equal(V1.RecoveryLevel.Reboot, recovery.StartLevel);
        Assert.Equal(RecoveryStepKind.Reboot, recovery.CurrentStep);
    }

    [Fact]
    public async Task A_failure_whose_command_may_have_taken_effect_says_so_in_the_timeline()
    {
        var id = Guid.NewGuid();
        var at = DateTimeOffset.UtcNow.AddMinutes(-10);
        await _api.PublishAsync(Sample.Started(id, "db05", at));
        await _api.PublishAsync(new GuestRebootFailed(id, "db05", Guid.NewGuid(), "ssh timed out after sending", true, "root@db05: reboot", at.AddSeconds(1)));
        await _api.PublishAsync(new VmRestartFailed(id, "db05", Guid.NewGuid(), "alfa01", "domain would not start", false, [], at.AddSeconds(2)));
        await _api.PublishAsync(new VmRestartFailed(id, "db05", Guid.NewGuid(), "alfa04", "session dropped", true, [], at.AddSeconds(3)));
        await _api.PublishAsync(new FenceFailed(id, "db05", Guid.NewGuid(), "alfa04", FenceMethod.Ipmi, "no answer", true, [], at.AddSeconds(4)));
        await _api.DrainAsync();

        var recovery = await _api.Recoveries.GetRecoveryAsync(new GetRecoveryRequest { Id = id.ToString() });

        Assert.Equal(
        [
            "guest reboot of db05 failed: ssh timed out after sending (it may have taken effect all the same: db05 may be rebooting)",
            "restart of db05 on alfa01 failed: domain would not start",
            "restart of db05 on alfa04 failed: session dropped (it may have taken effect all the same: db05 may run on alfa04)",
            "fencing alfa04 by Ipmi failed: no answer (it may have taken effect all the same)",
        ], recovery.Events.Skip(1).Select(timelineEvent => timelineEvent.Summary));
    }

    [Fact]
    public async Task A_redelivered_event_is_recorded_once()
    {
        var id = Guid.NewGuid();
        var messageId = Guid.NewGuid();
        var at = DateTimeOffset.UtcNow;
        await _api.PublishAsync(Sample.Started(id, "db02", at));
        await _api.PublishAsync(Sample.RebootFailed(id, "db02", at.AddSeconds(5)), messageId);
        await _api.PublishAsync(Sample.RebootFailed(id, "db02", at.AddSeconds(5)), messageId);
        await _api.DrainAsync();

        var recovery = await _api.Recoveries.GetRecoveryAsync(new GetRecoveryRequest { Id = id.ToString() });

        Assert.Single(recovery.Events, timelineEvent => timelineEvent.Kind == "GuestRebootFailed");
    }

    [Fact]
    public async Task A_failed_incident_leaves_its_VM_failed_until_it_reports_again()
    {
        var id = Guid.NewGuid();
        var start = DateTimeOffset.UtcNow.AddMinutes(-20);
        await _api.PublishAsync(Sample.Started(id, "db03", start));
        await _api.PublishAsync(Sample.Completed(id, "db03", RecoveryOutcome.Failed, null, start, start.AddMinutes(16)));

        var failed = await Eventually.Until(
            () => _api.Cluster.GetVmAsync(new GetVmRequest { Name = "db03" }).ResponseAsync,
            vm => vm.State == VmState.Failed, Patience, "db03 failed");
        await _api.PublishAsync(Sample.Up("db03", ThreeRC.Contracts.Monitoring.HostKind.Virtual, start.AddMinutes(30)));
        await Eventually.Until(
            () => _api.Cluster.GetVmAsync(new GetVmRequest { Name = "db03" }).ResponseAsync,
            vm => vm.State == VmState.Up, Patience, "db03 up again");

        Assert.Contains("Failed", failed.StateReason);
    }

    [Fact]
    public async Task An_unknown_recovery_is_NotFound_and_a_malformed_id_is_InvalidArgument()
    {
        var unknown = await Assert.ThrowsAsync<RpcException>(
            () => _api.Recoveries.GetRecoveryAsync(new GetRecoveryRequest { Id = Guid.NewGuid().ToString() }).ResponseAsync);
        var malformed = await Assert.ThrowsAsync<RpcException>(
            () => _api.Recoveries.GetRecoveryAsync(new GetRecoveryRequest { Id = "42" }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, malformed.StatusCode);
        Assert.Contains("'42' is not a recovery id", malformed.Status.Detail);
    }
}
