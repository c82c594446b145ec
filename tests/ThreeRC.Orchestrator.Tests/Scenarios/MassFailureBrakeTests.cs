using ThreeRC.Contracts.Hypervisor;
using ThreeRC.Contracts.Monitoring;
using ThreeRC.Contracts.Operations;
using ThreeRC.Contracts.Placement;
using ThreeRC.Contracts.Recovery;
using ThreeRC.Orchestrator.Tests.Harness;
using static ThreeRC.Orchestrator.Tests.Harness.Messages;

namespace ThreeRC.Orchestrator.Tests.Scenarios;

/// <summary>Issue 17: when the monitor goes blind, Ganglia alone would fence every host; the brake stops that.</summary>
public sealed class MassFailureBrakeTests : HarnessTest
{
    protected override Dictionary<string, string?> Settings => new() { ["Orchestrator:SlotRetryInterval"] = "00:00:05" };

    [Fact]
    public async Task When_most_hosts_go_quiet_at_once_no_host_is_fenced_and_no_vm_moves_until_an_operator_resumes_fencing()
    {
        await H.Publish(Down("alfa01", HostKind.Physical) with { QuietPhysicalHosts = ["alfa01", "alfa02"] });

        var halted = await H.Published<FencingHalted>();
        Assert.Equal(["alfa01", "alfa02"], halted.SilentHosts);
        Assert.Equal(3, halted.PhysicalHosts);
        Assert.Contains("threerc fencing resume", halted.Reason);
        var place = await H.Published<PlaceVm>(m => m.VmName == "web1");
        await H.Publish(new VmPlaced(place.RecoveryId, "web1", "alfa03", "alfa01", "least loaded", H.Time.GetUtcNow(), place.RequestId));
        await H.WaitForState("web1", "QueuedForFencing");
        await H.AdvanceAsync(TimeSpan.FromSeconds(5));
        await H.WaitForState("web1", "QueuedForFencing");
        var held = await H.Published<RecoveryStepStarted>(m => m.VmName == "web1" && m.Step == RecoveryStep.Queued);
        Assert.Contains("held before fencing", held.Detail);
        Assert.Equal(0, H.PublishedCount<FenceHost>(_ => true));

        await H.Publish(new ResumeFencing("alfa01 and alfa02 are really off: the PDU tripped", "alice", H.Time.GetUtcNow()));
        await H.Published<FencingResumed>(m => m.ResumedBy == "alice");
        await H.AdvanceAsync(TimeSpan.FromSeconds(5));

        var fence = await H.Published<FenceHost>(m => m.VmName == "web1");
        Assert.Equal(("alfa01", FenceMethod.Ipmi), (fence.HostName, fence.Method));
    }

    [Fact]
    public async Task A_vm_silence_that_arrives_before_its_hosts_loss_engages_the_brake_before_the_guest_is_rebooted()
    {
        await H.Publish(Down("web1") with { QuietPhysicalHosts = ["alfa01", "alfa02"] });

        await H.Published<FencingHalted>();
        await H.WaitForState("web1", "QueuedForReboot");
        var held = await H.Published<RecoveryStepStarted>(m => m.VmName == "web1" && m.Step == RecoveryStep.Queued);
        Assert.Contains("held before the guest reboot", held.Detail);
        Assert.Equal(0, H.PublishedCount<RebootGuest>(_ => true));

        await H.Publish(Down("alfa01", HostKind.Physical) with { QuietPhysicalHosts = ["alfa01", "alfa02"] });
        await H.Published<RecoveryRequested>(m => m.VmName == "web1");
        Assert.Equal(1, H.PublishedCount<FencingHalted>(_ => true));
    }

    [Fact]
    public async Task One_host_lost_alone_is_fenced_at_once()
    {
        await H.Publish(Down("alfa01", HostKind.Physical) with { QuietPhysicalHosts = ["alfa01"] });

        var place = await H.Published<PlaceVm>(m => m.VmName == "web1");
        await H.Publish(new VmPlaced(place.RecoveryId, "web1", "alfa03", "alfa01", "least loaded", H.Time.GetUtcNow(), place.RequestId));

        await H.Published<FenceHost>(m => m.VmName == "web1" && m.HostName == "alfa01");
        Assert.Equal(0, H.PublishedCount<FencingHalted>(_ => true));
    }

    [Fact]
    public async Task Hosts_lost_one_after_the_other_within_the_window_engage_the_brake_too()
    {
        await H.Publish(Down("alfa01", HostKind.Physical));
        await H.Published<PlaceVm>(m => m.VmName == "web1");
        H.Time.Advance(TimeSpan.FromSeconds(10));

        await H.Publish(Down("alfa02", HostKind.Physical));

        var halted = await H.Published<FencingHalted>();
        Assert.Equal(["alfa01", "alfa02"], halted.SilentHosts);
    }

    [Fact]
    public async Task A_resume_delivered_again_is_announced_again_but_a_resume_of_a_released_brake_is_not()
    {
        await H.Publish(Down("alfa01", HostKind.Physical) with { QuietPhysicalHosts = ["alfa01", "alfa02"] });
        await H.Published<FencingHalted>();
        var resume = new ResumeFencing("the PDU tripped", "alice", H.Time.GetUtcNow());

        await H.Publish(resume);
        var resumed = await H.Published<FencingResumed>();
        // A redelivery: the first announcement may not have left.
        await H.Publish(resume);
        await Testing.Eventually.Until(() => H.PublishedCount<FencingResumed>(_ => true) == 2, TimeSpan.FromSeconds(10), "the resume announced again");
        Assert.All(H.Bus.Published.Select<FencingResumed>().Select(m => m.Context.Message), again => Assert.Equal(resumed, again));

        await H.Publish(new ResumeFencing("checked", "bob", H.Time.GetUtcNow()));
        await Testing.Eventually.Until(() => H.Bus.Consumed.Select<ResumeFencing>(m => m.Context.Message.RequestedBy == "bob").Any(), TimeSpan.FromSeconds(10),
            "bob's resume consumed");
        Assert.Equal(2, H.PublishedCount<FencingResumed>(_ => true));
    }
}
