using ThreeRC.Contracts.Hypervisor;
using ThreeRC.Contracts.Monitoring;
using ThreeRC.Contracts.Placement;
using ThreeRC.Contracts.Recovery;
using ThreeRC.Orchestrator.Persistence;
using ThreeRC.Orchestrator.Tests.Harness;
using static ThreeRC.Orchestrator.Tests.Harness.Messages;

namespace ThreeRC.Orchestrator.Tests.Scenarios;

public sealed class HostLossTests : HarnessTest
{
    [Fact]
    public async Task When_a_physical_host_loses_power_its_vms_skip_the_reboot_and_move_only_after_it_is_fenced()
    {
        await H.Publish(Down("alfa01", HostKind.Physical));

        var requested = await H.Published<RecoveryRequested>(m => m.VmName == "web1");
        Assert.Equal(("alfa01", RecoveryLevel.Restart), (requested.LostHost, requested.StartLevel));
        await H.Published<RecoveryRequested>(m => m.VmName == "db1");
        var place = await H.Published<PlaceVm>(m => m.VmName == "web1");
        Assert.True(place.MustRelocate);

        await H.Publish(new VmPlaced(place.RecoveryId, "web1", "alfa02", "alfa01", "least loaded", H.Time.GetUtcNow(), place.RequestId));
        var fence = await H.Published<FenceHost>(m => m.VmName == "web1");
        Assert.Equal(("alfa01", FenceMethod.Ipmi, 1), (fence.HostName, fence.Method, fence.Attempt));
        await H.WaitForState("web1", "Fencing");
        Assert.Equal(0, H.PublishedCount<RestartVm>(m => m.VmName == "web1"));

        await H.Publish(new HostFenced(fence.RecoveryId, "web1", fence.CommandId, "alfa01", FenceMethod.Ipmi, ["ipmitool ... chassis power off"], H.Time.GetUtcNow()));
        var restart = await H.Published<RestartVm>(m => m.VmName == "web1");
        Assert.Equal(("alfa02", "alfa01"), (restart.HostName, restart.PreviousHost));

        await H.Publish(new VmRestarted(restart.RecoveryId, "web1", restart.CommandId, "alfa02", ["virsh define /srv/web1.xml", "virsh start web1"], H.Time.GetUtcNow()));
        await H.Handled<VmRestarted>();
        await H.Publish(Up("web1"));
        var completed = await H.Published<RecoveryCompleted>(m => m.VmName == "web1");
        Assert.Equal([RecoveryStep.Placement, RecoveryStep.Fencing, RecoveryStep.Restart], completed.Steps.Select(s => s.Step));
        Assert.Equal(0, H.PublishedCount<RebootGuest>(_ => true));
        Assert.Equal("alfa02", (await H.StateOf("web1"))!.CurrentHost);
    }

    [Fact]
    public async Task When_fencing_keeps_failing_the_vm_is_never_started_elsewhere_and_an_operator_is_alerted()
    {
        await H.Publish(new RecoveryRequested("web1", RecoveryLevel.Restart, "alfa01 lost", "alfa01", "orchestrator", H.Time.GetUtcNow()));
        var place = await H.Published<PlaceVm>(m => m.VmName == "web1");
        await H.Publish(new VmPlaced(place.RecoveryId, "web1", "alfa02", "alfa01", "least loaded", H.Time.GetUtcNow(), place.RequestId));

        var ipmi = await H.Published<FenceHost>(m => m.Attempt == 1);
        await H.Publish(new FenceFailed(ipmi.RecoveryId, "web1", ipmi.CommandId, "alfa01", FenceMethod.Ipmi, "BMC unreachable", false, [], H.Time.GetUtcNow()));
        await Eventually(() => H.AdvanceAsync(TimeSpan.FromSeconds(2)), () => H.PublishedCount<FenceHost>(m => m.Attempt == 2) == 1);
        var hypervisor = await H.Published<FenceHost>(m => m.Attempt == 2);
        Assert.Equal(FenceMethod.Hypervisor, hypervisor.Method);

        await H.Publish(new FenceFailed(ipmi.RecoveryId, "web1", hypervisor.CommandId, "alfa01", FenceMethod.Hypervisor, "ssh: no route to host", false, [], H.Time.GetUtcNow()));
        // One failed round is no alert yet (the host may only just have been declared lost); the second is.
        foreach (var attempt in new[] { 3, 4 })
        {
            await Eventually(() => H.AdvanceAsync(TimeSpan.FromSeconds(2)), () => H.PublishedCount<FenceHost>(m => m.Attempt == attempt) == 1);
            Assert.Equal(0, H.PublishedCount<FencingAlert>(m => m.VmName == "web1"));
            var again = await H.Published<FenceHost>(m => m.Attempt == attempt);
            await H.Publish(new FenceFailed(ipmi.RecoveryId, "web1", again.CommandId, "alfa01", again.Method, "BMC unreachable", false, [], H.Time.GetUtcNow()));
        }

        var alert = await H.Published<FencingAlert>(m => m.VmName == "web1");
        Assert.Equal(("alfa01", 4), (alert.HostName, alert.Attempts));

        await Eventually(() => H.AdvanceAsync(TestInventory.T2), () => H.PublishedCount<RecoveryCompleted>(m => m.VmName == "web1") == 1);
        var completed = await H.Published<RecoveryCompleted>(m => m.VmName == "web1");
        Assert.Equal(RecoveryOutcome.Failed, completed.Outcome);
        Assert.Contains("could not be fenced", completed.Reason);
        Assert.Equal(0, H.PublishedCount<RestartVm>(_ => true));
        await H.WaitForState("web1", "Failed");
    }

    [Fact]
    public async Task When_a_vm_leaves_a_host_that_is_up_only_its_hypervisor_powers_the_vm_off_and_the_host_is_never_powered_off()
    {
        await H.Publish(new RecoveryRequested("web1", RecoveryLevel.Restart, "test", null, "orchestrator", H.Time.GetUtcNow()));
        var place = await H.Published<PlaceVm>(m => m.VmName == "web1");
        await H.Publish(new VmPlaced(place.RecoveryId, "web1", "alfa03", "alfa01", "alfa01 is over its load threshold", H.Time.GetUtcNow(), place.RequestId));

        var first = await H.Published<FenceHost>(m => m.Attempt == 1);
        await H.Publish(new FenceFailed(first.RecoveryId, "web1", first.CommandId, "alfa01", FenceMethod.Hypervisor, "virsh destroy: timed out", false, [], H.Time.GetUtcNow()));
        await Eventually(() => H.AdvanceAsync(TimeSpan.FromSeconds(2)), () => H.PublishedCount<FenceHost>(m => m.Attempt == 2) == 1);

        Assert.Equal(2, H.PublishedCount<FenceHost>(fence => fence.HostName == "alfa01" && fence.Method == FenceMethod.Hypervisor));
        Assert.Equal(0, H.PublishedCount<FenceHost>(fence => fence.Method != FenceMethod.Hypervisor));
        Assert.Equal(0, H.PublishedCount<RestartVm>(_ => true));
    }

    [Fact]
    public async Task When_the_host_is_lost_while_the_guest_reboots_the_incident_moves_straight_to_relocation()
    {
        await H.Publish(Down("web1"));
        var reboot = await H.Published<RebootGuest>(m => m.VmName == "web1");
        await H.WaitForState("web1", "Rebooting");

        await H.Publish(Down("alfa01", HostKind.Physical));

        var place = await H.Published<PlaceVm>(m => m.VmName == "web1");
        Assert.Equal(reboot.RecoveryId, place.RecoveryId);
        Assert.True(place.MustRelocate);
        Assert.Equal(1, H.PublishedCount<RecoveryStarted>(m => m.VmName == "web1"));
    }

    [Fact]
    public async Task When_a_vm_stops_reporting_on_a_host_known_to_be_down_its_reboot_is_skipped()
    {
        await H.Service<HostStatusStore>().SetDownAsync("alfa01", down: true);

        await H.Publish(Down("web1"));

        var started = await H.Published<RecoveryStarted>(m => m.VmName == "web1");
        Assert.Equal(RecoveryLevel.Restart, started.StartLevel);
        Assert.True((await H.Published<PlaceVm>(m => m.VmName == "web1")).MustRelocate);
        Assert.Equal(0, H.PublishedCount<RebootGuest>(_ => true));
    }

    /// <summary>Advances the clock step by step until the condition holds (each step runs a sweep).</summary>
    private static Task Eventually(Func<Task> step, Func<bool> done) =>
        Testing.Eventually.Until(async () =>
        {
            if (done()) return true;
            await step();
            await Task.Delay(50);
            return done();
        }, TimeSpan.FromSeconds(10), "the expected message");
}
