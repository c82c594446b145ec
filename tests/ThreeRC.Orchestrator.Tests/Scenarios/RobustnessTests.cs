using MassTransit;
using ThreeRC.Contracts.Hypervisor;
using ThreeRC.Contracts.Monitoring;
using ThreeRC.Contracts.Placement;
using ThreeRC.Contracts.Recovery;
using ThreeRC.Orchestrator.Tests.Harness;
using static ThreeRC.Orchestrator.Tests.Harness.Messages;

namespace ThreeRC.Orchestrator.Tests.Scenarios;

public sealed class RobustnessTests : HarnessTest
{
    [Fact]
    public async Task When_two_monitors_report_the_same_crash_there_is_one_incident_and_one_reboot()
    {
        await H.Publish(Down("web1", source: "gmetad-a"));
        await H.Publish(Down("web1", source: "gmetad-b"));
        await H.Published<RebootGuest>(m => m.VmName == "web1");
        await Task.Delay(500);

        Assert.Equal(1, H.PublishedCount<RecoveryStarted>(m => m.VmName == "web1"));
        Assert.Equal(1, H.PublishedCount<RebootGuest>(m => m.VmName == "web1"));
    }

    [Fact]
    public async Task A_second_monitors_report_handled_after_the_vm_came_back_opens_no_incident_but_a_later_silence_does()
    {
        var crash = H.Time.GetUtcNow();
        await H.Publish(Down("web1", source: "gmetad-a") with { DetectedAt = crash });
        await H.Published<RebootGuest>(m => m.VmName == "web1");
        await H.Publish(Up("web1") with { LastHeardAt = crash.AddSeconds(2), DetectedAt = crash.AddSeconds(2) });
        await H.Published<RecoveryCompleted>(m => m.VmName == "web1");
        await H.WaitForState("web1", "Healthy");

        // gmetad-b decided the same silence a moment after gmetad-a, and its report is handled only now.
        await H.Publish(Down("web1", source: "gmetad-b") with { DetectedAt = crash.AddSeconds(1) });
        await H.Handled<HostUnresponsive>(count: 2);
        Assert.Equal(1, H.PublishedCount<RecoveryStarted>(m => m.VmName == "web1"));

        await H.Publish(Down("web1", source: "gmetad-b") with { DetectedAt = crash.AddSeconds(30) });
        await Testing.Eventually.Until(() => H.PublishedCount<RecoveryStarted>(m => m.VmName == "web1") == 2, TimeSpan.FromSeconds(10), "a second incident");
    }

    [Fact]
    public async Task A_late_report_that_the_vm_came_back_from_an_earlier_silence_does_not_end_the_incident_of_a_new_one()
    {
        var silence = H.Time.GetUtcNow();
        await H.Publish(Down("web1") with { LastHeardAt = silence, DetectedAt = silence.AddSeconds(5) });
        await H.Published<RebootGuest>(m => m.VmName == "web1");
        await H.WaitForState("web1", "Rebooting");

        // The second monitor's HostResponsive of the VM's previous comeback, heard before this silence began.
        await H.Publish(Up("web1") with { LastHeardAt = silence.AddSeconds(-20), DetectedAt = silence.AddSeconds(-20) });
        await H.Handled<HostResponsive>();
        Assert.Equal("Rebooting", (await H.StateOf("web1"))!.CurrentState);

        await H.Publish(Up("web1") with { LastHeardAt = silence.AddSeconds(8), DetectedAt = silence.AddSeconds(8) });
        Assert.Equal(RecoveryOutcome.Recovered, (await H.Published<RecoveryCompleted>(m => m.VmName == "web1")).Outcome);
    }

    [Fact]
    public async Task A_deadline_whose_token_is_stale_is_ignored()
    {
        await H.Publish(Down("web1"));
        await H.Published<RebootGuest>(m => m.VmName == "web1");
        var saga = await H.WaitForState("web1", "Rebooting");

        await H.Publish(new RecoveryDeadlineReached(saga!.CorrelationId, Guid.NewGuid(), H.Time.GetUtcNow()));
        await Task.Delay(500);

        Assert.Equal("Rebooting", (await H.StateOf("web1"))!.CurrentState);
        Assert.Equal(0, H.PublishedCount<PlaceVm>(_ => true));
    }

    [Fact]
    public async Task When_the_vm_reports_again_during_its_restart_the_incident_ends_as_recovered()
    {
        await H.Publish(new RecoveryRequested("web1", RecoveryLevel.Restart, "test", null, "alice", H.Time.GetUtcNow()));
        var place = await H.Published<PlaceVm>(m => m.VmName == "web1");
        await H.Publish(new VmPlaced(place.RecoveryId, "web1", "alfa01", "alfa01", "current host", H.Time.GetUtcNow(), place.RequestId));
        await H.Published<RestartVm>(m => m.VmName == "web1");

        await H.Publish(Up("web1"));

        var completed = await H.Published<RecoveryCompleted>(m => m.VmName == "web1");
        Assert.Equal(RecoveryOutcome.Recovered, completed.Outcome);
        await H.WaitForState("web1", "Healthy");
        Assert.Null((await H.StateOf("web1"))!.DeadlineToken);
    }

    [Fact]
    public async Task An_event_for_a_vm_the_inventory_does_not_know_creates_no_instance()
    {
        await H.Publish(Down("ghost"));
        await H.Publish(new RecoveryRequested("ghost", RecoveryLevel.Restart, "typo", null, "alice", H.Time.GetUtcNow()));
        await H.Bus.Consumed.Any<RecoveryRequested>(m => m.Context.Message.VmName == "ghost");
        await Task.Delay(300);

        Assert.Null(await H.StateOf("ghost"));
        Assert.Equal(0, H.PublishedCount<RecoveryStarted>(_ => true));
        var faults = H.Bus.Published.Select<Fault>().Select(f => string.Join(", ", f.Context.Message.Exceptions.Select(e => e.ExceptionType + ": " + e.Message + e.StackTrace))).ToList();
        Assert.True(faults.Count == 0, string.Join("\n", faults));
    }

    [Fact]
    public async Task A_result_for_a_finished_incident_is_ignored()
    {
        await H.Publish(Down("web1"));
        var reboot = await H.Published<RebootGuest>(m => m.VmName == "web1");
        await H.Publish(Up("web1"));
        await H.Published<RecoveryCompleted>(m => m.VmName == "web1");
        await H.Publish(Down("web1"));
        var second = await H.Published<RecoveryStarted>(m => m.RecoveryId != reboot.RecoveryId);
        var state = await H.WaitForState("web1", second.StartLevel == RecoveryLevel.Restart ? "Placing" : "Rebooting");

        await H.Publish(new GuestRebootFailed(reboot.RecoveryId, "web1", reboot.CommandId, "late answer of the first incident", false, null, H.Time.GetUtcNow()));
        await H.Publish(new VmRestartFailed(reboot.RecoveryId, "web1", reboot.CommandId, "alfa01", "late", false, [], H.Time.GetUtcNow()));
        await Task.Delay(500);

        var after = await H.StateOf("web1");
        Assert.Equal((state!.CurrentState, second.RecoveryId), (after!.CurrentState, after.RecoveryId));
        Assert.Equal(1, H.PublishedCount<RecoveryCompleted>(_ => true));
    }
}
