using ThreeRC.Contracts.Hypervisor;
using ThreeRC.Contracts.Monitoring;
using ThreeRC.Contracts.Operations;
using ThreeRC.Contracts.Placement;
using ThreeRC.Contracts.Recovery;
using ThreeRC.Orchestrator.Tests.Harness;
using static ThreeRC.Orchestrator.Tests.Harness.Messages;

namespace ThreeRC.Orchestrator.Tests.Scenarios;

public sealed class FlapAndMaintenanceTests : HarnessTest
{
    protected override Dictionary<string, string?> Settings => new()
    {
        ["Orchestrator:FlapWindow"] = "00:30:00",
        ["Orchestrator:FlapLimit"] = "3",
    };

    [Fact]
    public async Task A_vm_that_crashes_again_soon_after_a_reboot_recovered_it_starts_its_next_incident_at_restart()
    {
        await CrashAndRecover("web1");

        await H.Publish(Down("web1"));

        var second = await H.Published<RecoveryStarted>(m => H.PublishedCount<RecoveryStarted>(_ => true) == 2 && m.StartLevel == RecoveryLevel.Restart);
        Assert.Equal("web1", second.VmName);
    }

    [Fact]
    public async Task A_vm_that_keeps_crashing_stops_in_failed_with_reason_flapping()
    {
        for (var i = 0; i < 3; i++) await CrashAndRecover("web2");

        await H.Publish(Down("web2"));

        var failed = await H.Published<RecoveryCompleted>(m => m.Outcome == RecoveryOutcome.Failed);
        Assert.StartsWith("flapping: 4 incidents within", failed.Reason);
        await H.WaitForState("web2", "Failed");
    }

    [Fact]
    public async Task An_incident_caused_by_the_loss_of_its_host_does_not_count_as_the_vm_flapping()
    {
        await H.Publish(new RecoveryRequested("web1", RecoveryLevel.Restart, "alfa01 lost", "alfa01", "orchestrator", H.Time.GetUtcNow()));
        await H.WaitForState("web1", "Placing");
        await H.Publish(Up("web1"));
        await H.Published<RecoveryCompleted>(m => m.VmName == "web1");
        await H.WaitForState("web1", "Healthy");

        await H.Publish(Down("web1"));

        await Testing.Eventually.Until(() => H.PublishedCount<RecoveryStarted>(m => m.VmName == "web1") == 2, TimeSpan.FromSeconds(10), "a second incident");
        Assert.Equal(RecoveryLevel.Reboot, (await H.Published<RecoveryStarted>(m => m.StartLevel == RecoveryLevel.Reboot)).StartLevel);
    }

    [Fact]
    public async Task A_crash_after_the_flap_window_starts_again_with_a_reboot()
    {
        await CrashAndRecover("web1");
        H.Time.Advance(TimeSpan.FromMinutes(31));

        await H.Publish(Down("web1"));

        await Testing.Eventually.Until(() => H.PublishedCount<RebootGuest>(m => m.VmName == "web1") == 2, TimeSpan.FromSeconds(10), "a second reboot");
    }

    [Fact]
    public async Task A_vm_in_maintenance_is_left_alone()
    {
        await H.Publish(new MaintenanceChanged(MaintenanceTarget.Vm, "web1", true, "kernel upgrade", "alice", H.Time.GetUtcNow()));
        await H.Bus.Consumed.Any<MaintenanceChanged>();

        await H.Publish(Down("web1"));
        await H.WaitForState("web1", "LeftAlone");

        Assert.Equal(0, H.PublishedCount<RecoveryStarted>(_ => true));
    }

    [Fact]
    public async Task A_vm_that_went_silent_in_maintenance_is_recovered_when_maintenance_ends_and_not_if_it_reported_again()
    {
        await H.Publish(new MaintenanceChanged(MaintenanceTarget.Vm, "web1", true, "kernel upgrade", "alice", H.Time.GetUtcNow()));
        await H.Publish(new MaintenanceChanged(MaintenanceTarget.Vm, "web2", true, "kernel upgrade", "alice", H.Time.GetUtcNow()));
        await Testing.Eventually.Until(() => H.Bus.Consumed.Select<MaintenanceChanged>().Count() == 2, TimeSpan.FromSeconds(10), "maintenance on");
        await H.Publish(Down("web1"));
        await H.Publish(Down("web2"));
        await H.WaitForState("web1", "LeftAlone");
        await H.WaitForState("web2", "LeftAlone");
        await H.Publish(Up("web2"));
        await H.WaitForState("web2", "Healthy");

        await H.Publish(new MaintenanceChanged(MaintenanceTarget.Vm, "web1", false, "done", "alice", H.Time.GetUtcNow()));
        await H.Publish(new MaintenanceChanged(MaintenanceTarget.Vm, "web2", false, "done", "alice", H.Time.GetUtcNow()));

        var started = await H.Published<RecoveryStarted>(m => m.VmName == "web1");
        Assert.Contains("maintenance of web1", started.Trigger);
        await H.Published<RebootGuest>(m => m.VmName == "web1");
        await Testing.Eventually.Until(() => H.Bus.Consumed.Select<MaintenanceChanged>().Count() == 4, TimeSpan.FromSeconds(10), "maintenance off");
        Assert.Equal(0, H.PublishedCount<RecoveryStarted>(m => m.VmName == "web2"));
    }

    [Fact]
    public async Task The_vms_of_a_host_in_maintenance_and_the_host_itself_are_left_alone_until_maintenance_ends()
    {
        await H.Publish(new MaintenanceChanged(MaintenanceTarget.Host, "alfa01", true, "BIOS update", "alice", H.Time.GetUtcNow()));
        await H.Bus.Consumed.Any<MaintenanceChanged>();

        await H.Publish(Down("alfa01", HostKind.Physical));
        await H.Publish(Down("db1"));
        await H.WaitForState("db1", "LeftAlone");
        Assert.Equal(0, H.PublishedCount<RecoveryStarted>(_ => true));
        Assert.Equal(0, H.PublishedCount<RecoveryRequested>(_ => true));

        // Still silent when maintenance ends: its VMs leave it, fenced first, as for any lost host.
        await H.Publish(new MaintenanceChanged(MaintenanceTarget.Host, "alfa01", false, "done", "alice", H.Time.GetUtcNow()));
        var started = await H.Published<RecoveryStarted>(m => m.VmName == "db1");
        Assert.Equal(RecoveryLevel.Restart, started.StartLevel);
        var place = await H.Published<PlaceVm>(m => m.VmName == "db1");
        Assert.True(place.MustRelocate);
    }

    private async Task CrashAndRecover(string vm)
    {
        var before = H.PublishedCount<RecoveryCompleted>(m => m.VmName == vm);
        await H.Publish(Down(vm));
        await Testing.Eventually.Until(() => H.PublishedCount<RecoveryStarted>(m => m.VmName == vm) == before + 1, TimeSpan.FromSeconds(10), "the incident");
        await Testing.Eventually.Until(() => H.StateOf(vm), saga => saga?.CurrentState is not (null or "Healthy"), TimeSpan.FromSeconds(10), "in an incident");
        H.Time.Advance(TimeSpan.FromSeconds(30));
        await H.Publish(Up(vm));
        await Testing.Eventually.Until(() => H.PublishedCount<RecoveryCompleted>(m => m.VmName == vm) == before + 1, TimeSpan.FromSeconds(10), "recovered");
        await H.WaitForState(vm, "Healthy");
    }
}
