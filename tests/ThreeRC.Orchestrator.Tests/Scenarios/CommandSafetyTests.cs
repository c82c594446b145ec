using ThreeRC.Contracts.Hypervisor;
using ThreeRC.Contracts.Placement;
using ThreeRC.Contracts.Provisioning;
using ThreeRC.Contracts.Recovery;
using ThreeRC.Orchestrator.Tests.Harness;

namespace ThreeRC.Orchestrator.Tests.Scenarios;

/// <summary>Issue 17: a start that may have taken effect is treated as if it did; a result counts only for the command it answers.</summary>
public sealed class CommandSafetyTests : HarnessTest
{
    [Fact]
    public async Task A_start_that_may_have_taken_effect_gets_its_host_fenced_before_the_vm_starts_anywhere_else()
    {
        var first = await StartedAfterMove("alfa02");

        await H.Publish(new VmRestartFailed(first.RecoveryId, "web1", first.CommandId, "alfa02", "ssh session dropped after virsh start was sent", true, [],
            H.Time.GetUtcNow()));
        var again = await PlaceVm(times: 2);
        await H.Publish(new VmPlaced(again.RecoveryId, "web1", "alfa03", "alfa01", "another host", H.Time.GetUtcNow(), again.RequestId));

        var fence = await H.Published<FenceHost>(m => m.HostName == "alfa02");
        Assert.Equal(FenceMethod.Hypervisor, fence.Method);
        await H.WaitForState("web1", "Fencing");
        Assert.Equal(0, H.PublishedCount<RestartVm>(m => m.HostName == "alfa03"));

        await H.Publish(new HostFenced(fence.RecoveryId, "web1", fence.CommandId, "alfa02", FenceMethod.Hypervisor, [], H.Time.GetUtcNow()));
        var second = await H.Published<RestartVm>(m => m.HostName == "alfa03");
        Assert.Equal("alfa01", second.PreviousHost);
    }

    [Fact]
    public async Task A_start_that_failed_cleanly_leaves_its_host_alone()
    {
        var first = await StartedAfterMove("alfa02");

        await H.Publish(new VmRestartFailed(first.RecoveryId, "web1", first.CommandId, "alfa02", "virsh start: domain disk missing", false, [],
            H.Time.GetUtcNow()));
        var again = await PlaceVm(times: 2);
        Assert.Equal(["alfa02"], again.RestartFailedOn); // placement may not have heard of the failure yet
        await H.Publish(new VmPlaced(again.RecoveryId, "web1", "alfa03", "alfa01", "another host", H.Time.GetUtcNow(), again.RequestId));

        var second = await H.Published<RestartVm>(m => m.HostName == "alfa03");
        Assert.NotEqual(first.CommandId, second.CommandId);
        Assert.Equal(0, H.PublishedCount<FenceHost>(m => m.HostName == "alfa02"));
    }

    [Fact]
    public async Task A_start_never_answered_before_T2_is_treated_as_done_and_its_host_fenced_before_the_reinstall_starts_elsewhere()
    {
        await StartedAfterMove("alfa02");

        await H.AdvanceAsync(TestInventory.T2);
        var prepare = await H.Published<PrepareReinstall>(m => m.VmName == "web1");
        await H.Publish(new ReinstallPrepared(prepare.RecoveryId, "web1", prepare.CommandId, "web", "pxelinux.cfg/01-52-54-00-00-00-01", H.Time.GetUtcNow()));
        var place = await PlaceVm(times: 2);
        await H.Publish(new VmPlaced(place.RecoveryId, "web1", "alfa03", "alfa01", "another host", H.Time.GetUtcNow(), place.RequestId));

        var fence = await H.Published<FenceHost>(m => m.HostName == "alfa02");
        Assert.Equal(0, H.PublishedCount<RestartVm>(m => m.HostName == "alfa03"));
        await H.Publish(new HostFenced(fence.RecoveryId, "web1", fence.CommandId, "alfa02", FenceMethod.Hypervisor, [], H.Time.GetUtcNow()));
        await H.Published<RestartVm>(m => m.HostName == "alfa03");
    }

    [Fact]
    public async Task A_result_answering_another_command_of_the_same_incident_changes_nothing()
    {
        var first = await StartedAfterMove("alfa02");

        await H.Publish(new VmRestartFailed(first.RecoveryId, "web1", Guid.NewGuid(), "alfa02", "an answer to a command never sent", false, [], H.Time.GetUtcNow()));
        await H.Publish(new VmRestarted(first.RecoveryId, "web1", first.CommandId, "alfa02", ["virsh start web1"], H.Time.GetUtcNow()));

        await Testing.Eventually.Until(() => H.StateOf("web1"), saga => saga!.CurrentHost == "alfa02", TimeSpan.FromSeconds(10), "restarted on alfa02");
        Assert.Equal(1, H.PublishedCount<PlaceVm>(m => m.VmName == "web1"));
        Assert.Equal(["alfa02"], (await H.StateOf("web1"))!.MayRunOn);
    }

    [Fact]
    public async Task A_late_copy_of_the_answer_to_an_earlier_placement_request_is_stale_and_the_answer_to_the_new_one_counts()
    {
        await H.Publish(new RecoveryRequested("web1", RecoveryLevel.Restart, "test", null, "alice", H.Time.GetUtcNow()));
        var place = await PlaceVm(times: 1);
        var answer = new VmPlaced(place.RecoveryId, "web1", "alfa01", "alfa01", "current host is healthy", H.Time.GetUtcNow(), place.RequestId);
        await H.Publish(answer);
        var first = await H.Published<RestartVm>(m => m.HostName == "alfa01");
        await H.Publish(new VmRestartFailed(first.RecoveryId, "web1", first.CommandId, "alfa01", "cannot connect: Connection refused", false, [], H.Time.GetUtcNow()));
        var again = await PlaceVm(times: 2);

        await H.Publish(answer);
        await H.Publish(new VmPlaced(again.RecoveryId, "web1", "alfa03", "alfa01", "another host", H.Time.GetUtcNow(), again.RequestId));

        Assert.NotEqual(place.RequestId, again.RequestId);
        var fence = await H.Published<FenceHost>(m => m.HostName == "alfa01");
        await H.Publish(new HostFenced(fence.RecoveryId, "web1", fence.CommandId, "alfa01", FenceMethod.Hypervisor, [], H.Time.GetUtcNow()));
        await H.Published<RestartVm>(m => m.HostName == "alfa03");
        Assert.Equal(1, H.PublishedCount<RestartVm>(m => m.HostName == "alfa01"));
    }

    [Fact]
    public async Task A_vm_back_after_a_start_that_may_have_taken_effect_is_said_to_run_there_when_no_other_host_may_run_it()
    {
        var first = await StartedAfterMove("alfa02");
        await H.Publish(new VmRestartFailed(first.RecoveryId, "web1", first.CommandId, "alfa02", "timed out after virsh start was sent", true, [],
            H.Time.GetUtcNow()));
        await PlaceVm(times: 2);

        await H.Publish(Messages.Up("web1"));

        var completed = await H.Published<RecoveryCompleted>(m => m.VmName == "web1");
        Assert.Equal((RecoveryOutcome.Recovered, "alfa02"), (completed.Outcome, completed.RunningOn));
    }

    /// <summary>web1 placed on <paramref name="target"/> away from alfa01, alfa01 fenced, the start sent.</summary>
    private async Task<RestartVm> StartedAfterMove(string target)
    {
        await H.Publish(new RecoveryRequested("web1", RecoveryLevel.Restart, "test", null, "alice", H.Time.GetUtcNow()));
        var place = await PlaceVm(times: 1);
        await H.Publish(new VmPlaced(place.RecoveryId, "web1", target, "alfa01", "least loaded", H.Time.GetUtcNow(), place.RequestId));
        var fence = await H.Published<FenceHost>(m => m.HostName == "alfa01");
        await H.Publish(new HostFenced(fence.RecoveryId, "web1", fence.CommandId, "alfa01", FenceMethod.Hypervisor, [], H.Time.GetUtcNow()));
        return await H.Published<RestartVm>(m => m.HostName == target);
    }

    private async Task<PlaceVm> PlaceVm(int times)
    {
        await Testing.Eventually.Until(() => H.PublishedCount<PlaceVm>(m => m.VmName == "web1") == times, TimeSpan.FromSeconds(10), $"PlaceVm #{times}");
        return H.Bus.Published.Select<PlaceVm>(m => m.Context.Message.VmName == "web1").Last().Context.Message;
    }
}
