using ThreeRC.Contracts.Hypervisor;
using ThreeRC.Contracts.Placement;
using ThreeRC.Contracts.Recovery;
using ThreeRC.Orchestrator.Tests.Harness;
using static ThreeRC.Orchestrator.Tests.Harness.Messages;

namespace ThreeRC.Orchestrator.Tests.Scenarios;

public sealed class GuestRebootTests : HarnessTest
{
    [Fact]
    public async Task When_a_vm_stops_reporting_its_guest_is_rebooted_first_and_its_return_ends_the_incident()
    {
        await H.Publish(Down("web1"));

        var started = await H.Published<RecoveryStarted>(m => m.VmName == "web1");
        var reboot = await H.Published<RebootGuest>(m => m.VmName == "web1");
        Assert.Equal(RecoveryLevel.Reboot, started.StartLevel);
        Assert.Equal(started.RecoveryId, reboot.RecoveryId);
        await H.WaitForState("web1", "Rebooting");

        await H.Publish(new GuestRebootIssued(reboot.RecoveryId, "web1", reboot.CommandId, "root@10.0.2.1: reboot", H.Time.GetUtcNow()));
        await H.Handled<GuestRebootIssued>();
        H.Time.Advance(TimeSpan.FromSeconds(40));
        await H.Publish(Up("web1"));

        var completed = await H.Published<RecoveryCompleted>(m => m.VmName == "web1");
        Assert.Equal(RecoveryOutcome.Recovered, completed.Outcome);
        Assert.Equal(started.RecoveryId, completed.RecoveryId);
        Assert.Equal(TimeSpan.FromSeconds(40), completed.TimeToRecover);
        Assert.Equal([RecoveryStep.Reboot], completed.Steps.Select(s => s.Step));
        Assert.Contains("root@10.0.2.1: reboot", completed.Steps[0].Detail);
        await H.WaitForState("web1", "Healthy");
        Assert.Equal(0, H.PublishedCount<PlaceVm>(_ => true));
    }

    [Fact]
    public async Task When_the_guest_reboot_fails_the_vm_is_restarted_on_its_healthy_host_at_once()
    {
        await H.Publish(Down("web1"));
        var reboot = await H.Published<RebootGuest>(m => m.VmName == "web1");

        await H.Publish(new GuestRebootFailed(reboot.RecoveryId, "web1", reboot.CommandId, "connection refused", false, null, H.Time.GetUtcNow()));

        var place = await H.Published<PlaceVm>(m => m.VmName == "web1");
        Assert.False(place.MustRelocate);
        Assert.Equal(5, place.Priority);
        await H.Publish(new VmPlaced(place.RecoveryId, "web1", "alfa01", "alfa01", "current host is healthy", H.Time.GetUtcNow(), place.RequestId));
        var restart = await H.Published<RestartVm>(m => m.VmName == "web1");
        Assert.Equal(("alfa01", (string?)null), (restart.HostName, restart.PreviousHost));
        Assert.Equal(0, H.PublishedCount<FenceHost>(_ => true));

        await H.Publish(new VmRestarted(restart.RecoveryId, "web1", restart.CommandId, "alfa01", ["threerc@alfa01: virsh start web1"], H.Time.GetUtcNow()));
        await H.Handled<VmRestarted>();
        await H.Publish(Up("web1"));
        var completed = await H.Published<RecoveryCompleted>(m => m.VmName == "web1");
        Assert.Equal(RecoveryOutcome.Recovered, completed.Outcome);
        Assert.Equal([RecoveryStep.Reboot, RecoveryStep.Placement, RecoveryStep.Restart], completed.Steps.Select(s => s.Step));
    }

    [Fact]
    public async Task When_T1_passes_without_a_heartbeat_the_incident_escalates_to_a_restart()
    {
        await H.Publish(Down("web1"));
        await H.Published<RebootGuest>(m => m.VmName == "web1");
        await H.WaitForState("web1", "Rebooting");

        Assert.Equal(0, await H.AdvanceAsync(TestInventory.T1 - TimeSpan.FromSeconds(1)));
        Assert.Equal(1, await H.AdvanceAsync(TimeSpan.FromSeconds(1)));

        await H.Published<PlaceVm>(m => m.VmName == "web1");
        await H.WaitForState("web1", "Placing");
    }
}
