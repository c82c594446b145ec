using ThreeRC.Contracts.Hypervisor;
using ThreeRC.Contracts.Placement;
using ThreeRC.Contracts.Provisioning;
using ThreeRC.Contracts.Recovery;
using ThreeRC.Orchestrator.Tests.Harness;
using static ThreeRC.Orchestrator.Tests.Harness.Messages;

namespace ThreeRC.Orchestrator.Tests.Scenarios;

public sealed class CapacityAndReinstallTests : HarnessTest
{
    [Fact]
    public async Task When_no_host_has_capacity_the_vm_waits_and_is_restarted_once_placement_finds_room()
    {
        var place = await RestartRequested("db1");
        Assert.Equal(9, place.Priority);

        await H.Publish(new NoCapacity(place.RecoveryId, "db1", "every host is over its load threshold", Queued: true, H.Time.GetUtcNow(), place.RequestId));
        await H.WaitForState("db1", "AwaitingCapacity");
        Assert.Equal(0, await H.AdvanceAsync(TimeSpan.FromHours(1)));

        await H.Publish(new VmPlaced(place.RecoveryId, "db1", "alfa03", "alfa01", "load dropped", H.Time.GetUtcNow(), place.RequestId));
        var fence = await H.Published<FenceHost>(m => m.VmName == "db1");
        Assert.Equal("alfa01", fence.HostName);
        var steps = (await H.StateOf("db1"))!.Steps.Select(s => s.Step);
        Assert.Equal([RecoveryStep.Placement, RecoveryStep.AwaitingCapacity, RecoveryStep.Fencing], steps);
    }

    [Fact]
    public async Task When_placement_can_never_place_the_vm_the_incident_fails_with_its_reason()
    {
        var place = await RestartRequested("db1");

        await H.Publish(new NoCapacity(place.RecoveryId, "db1", "no host runs its hypervisor driver", Queued: false, H.Time.GetUtcNow(), place.RequestId));

        var completed = await H.Published<RecoveryCompleted>(m => m.VmName == "db1");
        Assert.Equal(RecoveryOutcome.Failed, completed.Outcome);
        Assert.Contains("no host runs its hypervisor driver", completed.Reason);
    }

    [Fact]
    public async Task When_the_restart_does_not_bring_the_vm_back_within_T2_it_is_reinstalled_and_recovers_after_the_installer_calls_back()
    {
        var place = await RestartRequested("web1", lostHost: null);
        await H.Publish(new VmPlaced(place.RecoveryId, "web1", "alfa01", "alfa01", "current host", H.Time.GetUtcNow(), place.RequestId));
        var restart = await H.Published<RestartVm>(m => m.VmName == "web1");
        await H.Publish(new VmRestarted(restart.RecoveryId, "web1", restart.CommandId, "alfa01", [], H.Time.GetUtcNow()));
        // The restart's answer starts its T2 at the current time: it must be handled before the clock moves.
        await H.Handled<VmRestarted>();
        await H.WaitForState("web1", "Restarting");

        await H.AdvanceAsync(TestInventory.T2);

        var prepare = await H.Published<PrepareReinstall>(m => m.VmName == "web1");
        Assert.Equal("web", prepare.Profile);
        await H.Publish(new ReinstallPrepared(prepare.RecoveryId, "web1", prepare.CommandId, "web", "pxelinux.cfg/01-52-54-00-00-00-01", H.Time.GetUtcNow()));
        var replace = await SecondPlaceVm("web1");
        await H.Publish(new VmPlaced(replace.RecoveryId, "web1", "alfa01", "alfa01", "current host", H.Time.GetUtcNow(), replace.RequestId));
        await Testing.Eventually.Until(() => H.PublishedCount<RestartVm>(m => m.VmName == "web1") == 2, TimeSpan.FromSeconds(10), "a second RestartVm");
        await H.Publish(new InstallCompleted(prepare.RecoveryId, "web1", H.Time.GetUtcNow()));
        await H.Handled<InstallCompleted>();
        await H.Publish(Up("web1"));

        var completed = await H.Published<RecoveryCompleted>(m => m.VmName == "web1");
        Assert.Equal(RecoveryOutcome.Recovered, completed.Outcome);
        Assert.Equal(
            [RecoveryStep.Placement, RecoveryStep.Restart, RecoveryStep.Reinstall, RecoveryStep.Placement, RecoveryStep.Reinstall],
            completed.Steps.Select(s => s.Step));
        Assert.Contains("the installer called back", completed.Steps[^1].Detail);
    }

    [Fact]
    public async Task A_reinstall_after_a_move_may_stay_on_the_new_host_and_its_install_budget_starts_when_the_installer_boots()
    {
        var place = await RestartRequested("web1");
        await H.Publish(new VmPlaced(place.RecoveryId, "web1", "alfa02", "alfa01", "least loaded", H.Time.GetUtcNow(), place.RequestId));
        var fence = await H.Published<FenceHost>(m => m.VmName == "web1");
        await H.Publish(new HostFenced(place.RecoveryId, "web1", fence.CommandId, "alfa01", FenceMethod.Ipmi, [], H.Time.GetUtcNow()));
        var restart = await H.Published<RestartVm>(m => m.VmName == "web1");
        await H.Publish(new VmRestarted(restart.RecoveryId, "web1", restart.CommandId, "alfa02", [], H.Time.GetUtcNow()));
        // The restart's answer starts its T2 at the current time: it must be handled before the clock moves.
        await H.Handled<VmRestarted>();
        await H.WaitForState("web1", "Restarting");
        await H.AdvanceAsync(TestInventory.T2);
        var prepare = await H.Published<PrepareReinstall>(m => m.VmName == "web1");
        await H.Publish(new ReinstallPrepared(prepare.RecoveryId, "web1", prepare.CommandId, "web", "pxelinux.cfg/01-52-54-00-00-00-01", H.Time.GetUtcNow()));
        var replace = await SecondPlaceVm("web1");

        await H.Publish(new NoCapacity(replace.RecoveryId, "web1", "every host is over its load threshold", Queued: true, H.Time.GetUtcNow(), replace.RequestId));
        await H.WaitForState("web1", "AwaitingCapacity");
        await H.AdvanceAsync(TestInventory.InstallBudget * 2);
        await H.Publish(new VmPlaced(replace.RecoveryId, "web1", "alfa02", "alfa02", "load dropped", H.Time.GetUtcNow(), replace.RequestId));
        await Testing.Eventually.Until(() => H.PublishedCount<RestartVm>(m => m.VmName == "web1") == 2, TimeSpan.FromSeconds(10), "the installer booted");
        await H.WaitForState("web1", "BootingInstaller");
        await H.AdvanceAsync(TestInventory.InstallBudget - TimeSpan.FromSeconds(1));

        Assert.False(replace.MustRelocate);
        Assert.Equal(0, H.PublishedCount<RecoveryCompleted>(m => m.VmName == "web1"));
        await H.AdvanceAsync(TimeSpan.FromSeconds(1));
        var completed = await H.Published<RecoveryCompleted>(m => m.VmName == "web1");
        Assert.Equal(RecoveryOutcome.Failed, completed.Outcome);
        Assert.Contains("the reinstall did not bring it back within the install budget", completed.Reason);
    }

    [Fact]
    public async Task When_reinstall_is_disabled_the_incident_fails_after_T2()
    {
        var place = await RestartRequested("db1", lostHost: null);
        await H.Publish(new VmPlaced(place.RecoveryId, "db1", "alfa01", "alfa01", "current host", H.Time.GetUtcNow(), place.RequestId));
        await H.Published<RestartVm>(m => m.VmName == "db1");
        await H.WaitForState("db1", "Restarting");

        await H.AdvanceAsync(TestInventory.T2);

        var completed = await H.Published<RecoveryCompleted>(m => m.VmName == "db1");
        Assert.Equal(RecoveryOutcome.Failed, completed.Outcome);
        Assert.Contains("reinstall is disabled for db1", completed.Reason);
        Assert.Equal(0, H.PublishedCount<PrepareReinstall>(_ => true));
    }

    [Fact]
    public async Task When_the_provisioner_refuses_the_reinstall_the_incident_fails_with_its_reason()
    {
        await H.Publish(new RecoveryRequested("web1", RecoveryLevel.Reinstall, "operator asked", null, "alice", H.Time.GetUtcNow()));
        var prepare = await H.Published<PrepareReinstall>(m => m.VmName == "web1");

        await H.Publish(new ReinstallRefused(prepare.RecoveryId, "web1", prepare.CommandId, "profile web is unknown", H.Time.GetUtcNow()));

        var completed = await H.Published<RecoveryCompleted>(m => m.VmName == "web1");
        Assert.Equal(RecoveryOutcome.Failed, completed.Outcome);
        Assert.Contains("profile web is unknown", completed.Reason);
    }

    [Fact]
    public async Task When_a_restart_fails_it_is_placed_again_at_once_and_a_second_failure_escalates_to_reinstall()
    {
        var place = await RestartRequested("web1", lostHost: null);
        await H.Publish(new VmPlaced(place.RecoveryId, "web1", "alfa01", "alfa01", "current host", H.Time.GetUtcNow(), place.RequestId));
        var restart = await H.Published<RestartVm>(m => m.VmName == "web1");

        await H.Publish(new VmRestartFailed(restart.RecoveryId, "web1", restart.CommandId, "alfa01", "ssh 10.0.0.1: no route to host", false, [], H.Time.GetUtcNow()));
        var again = await SecondPlaceVm("web1");
        Assert.Equal(0, H.PublishedCount<PrepareReinstall>(_ => true));
        await H.Publish(new VmPlaced(place.RecoveryId, "web1", "alfa03", "alfa01", "another host", H.Time.GetUtcNow(), again.RequestId));
        var fence = await H.Published<FenceHost>(m => m.VmName == "web1");
        await H.Publish(new HostFenced(place.RecoveryId, "web1", fence.CommandId, "alfa01", FenceMethod.Ipmi, [], H.Time.GetUtcNow()));
        var second = await H.Published<RestartVm>(m => m.HostName == "alfa03");

        await H.Publish(new VmRestartFailed(restart.RecoveryId, "web1", second.CommandId, "alfa03", "virsh start: domain disk missing", false, [], H.Time.GetUtcNow()));

        await H.Published<PrepareReinstall>(m => m.VmName == "web1");
    }

    private async Task<PlaceVm> SecondPlaceVm(string vm)
    {
        await Testing.Eventually.Until(() => H.PublishedCount<PlaceVm>(m => m.VmName == vm) == 2, TimeSpan.FromSeconds(10), "a second PlaceVm");
        return H.Bus.Published.Select<PlaceVm>(m => m.Context.Message.VmName == vm).Last().Context.Message;
    }

    private async Task<PlaceVm> RestartRequested(string vm, string? lostHost = "alfa01")
    {
        await H.Publish(new RecoveryRequested(vm, RecoveryLevel.Restart, "test", lostHost, "orchestrator", H.Time.GetUtcNow()));
        return await H.Published<PlaceVm>(m => m.VmName == vm);
    }
}
