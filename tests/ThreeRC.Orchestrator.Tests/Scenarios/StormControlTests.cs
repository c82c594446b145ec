using ThreeRC.Contracts.Hypervisor;
using ThreeRC.Contracts.Placement;
using ThreeRC.Contracts.Recovery;
using ThreeRC.Orchestrator.Tests.Harness;
using static ThreeRC.Orchestrator.Tests.Harness.Messages;

namespace ThreeRC.Orchestrator.Tests.Scenarios;

public sealed class StormControlTests : HarnessTest
{
    protected override Dictionary<string, string?> Settings => new()
    {
        ["Orchestrator:MaxConcurrentRecoveries"] = "1",
        ["Orchestrator:MaxConcurrentRestartsPerHost"] = "1",
        ["Orchestrator:SlotRetryInterval"] = "00:00:05",
    };

    [Fact]
    public async Task Beyond_the_cluster_bound_an_incident_waits_queued_until_a_slot_frees()
    {
        await H.Publish(Down("web1"));
        await H.Published<RebootGuest>(m => m.VmName == "web1");
        await H.WaitForState("web1", "Rebooting");

        await H.Publish(Down("web2"));
        await H.WaitForState("web2", "QueuedForReboot");
        await H.Published<RecoveryStepStarted>(m => m.VmName == "web2" && m.Step == RecoveryStep.Queued);
        await H.AdvanceAsync(TimeSpan.FromSeconds(5));
        await H.WaitForState("web2", "QueuedForReboot");
        Assert.Equal(0, H.PublishedCount<RebootGuest>(m => m.VmName == "web2"));

        await H.Publish(Up("web1"));
        await H.WaitForState("web1", "Healthy");
        await H.AdvanceAsync(TimeSpan.FromSeconds(5));

        await H.Published<RebootGuest>(m => m.VmName == "web2");
    }

    [Fact]
    public async Task Beyond_the_per_host_bound_a_restart_waits_while_another_restart_on_that_host_is_in_flight()
    {
        var first = await Placed("web1", "alfa03");
        var firstRestart = await H.Published<RestartVm>(m => m.VmName == "web1");

        await Placed("web2", "alfa03");
        await H.WaitForState("web2", "QueuedForRestart");
        Assert.Equal(0, H.PublishedCount<RestartVm>(m => m.VmName == "web2"));

        await H.Publish(new VmRestarted(first, "web1", firstRestart.CommandId, "alfa03", [], H.Time.GetUtcNow()));
        await Testing.Eventually.Until(() => H.StateOf("web1"), s => s!.Steps[^1].Detail.Contains("running on alfa03"), TimeSpan.FromSeconds(10), "restarted");
        await H.AdvanceAsync(TimeSpan.FromSeconds(5));

        var restart = await H.Published<RestartVm>(m => m.VmName == "web2");
        Assert.Equal("alfa03", restart.HostName);
    }

    /// <summary>A restart placed on <paramref name="host"/>, the VM staying where it is so that no fencing is needed.</summary>
    private async Task<Guid> Placed(string vm, string host)
    {
        await H.Publish(new RecoveryRequested(vm, RecoveryLevel.Restart, "test", null, "alice", H.Time.GetUtcNow()));
        var place = await H.Published<PlaceVm>(m => m.VmName == vm);
        await H.Publish(new VmPlaced(place.RecoveryId, vm, host, host, "test", H.Time.GetUtcNow(), place.RequestId));
        return place.RecoveryId;
    }
}
