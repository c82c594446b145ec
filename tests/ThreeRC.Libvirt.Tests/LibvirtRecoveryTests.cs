using ThreeRC.Api.V1;
using ThreeRC.Testing;
using ThreeRC.Testing.Libvirt;
using ThreeRC.Testing.Stack;
using static ThreeRC.Api.V1.RecoveryStepKind;

namespace ThreeRC.Libvirt.Tests;

/// <summary>Real faults of real QEMU guests under real libvirt, recovered by the real stack; each ends checked through the Api, in Ganglia and for safety.</summary>
[Collection(LibvirtStackCollection.Name)]
public sealed class LibvirtRecoveryTests(LibvirtStack stack)
{
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task A_guest_whose_QEMU_is_killed_is_found_silent_by_push_restarted_in_place_and_recovered_when_its_heartbeats_return()
    {
        var starts = StartsOf("vm01");
        var faultAt = DateTimeOffset.UtcNow;
        await stack.Lab.KillQemuAsync("vm01");

        var recovery = await RecoveredAsync("vm01", faultAt);

        // The guest's heartbeats reached the monitor's UDP port from inside QEMU: push found the silence, before the XML's 6-s limit.
        Assert.StartsWith("no Ganglia packet for", recovery.Trigger);
        Assert.Contains(Restart, recovery.Steps.Select(step => step.Step));
        Assert.Equal(["lab01"], StartsOf("vm01").Skip(starts.Count).Select(start => start.Host));
        await AssertRunsOnAsync("vm01", "lab01");
    }

    [Fact]
    public async Task A_hung_guest_whose_domain_still_runs_is_escalated_restarted_in_place_and_recovered()
    {
        var starts = StartsOf("vm02");
        var faultAt = DateTimeOffset.UtcNow;
        await stack.Lab.Guest("vm02").HangAsync();
        Assert.Equal("running", (await stack.Lab.Host("lab01").User.VirshAsync("domstate", "vm02")).Output.Trim());

        var recovery = await RecoveredAsync("vm02", faultAt);

        Assert.Contains(Restart, recovery.Steps.Select(step => step.Step));
        Assert.Equal(["lab01"], StartsOf("vm02").Skip(starts.Count).Select(start => start.Host));
        await AssertRunsOnAsync("vm02", "lab01");
    }

    [Fact]
    public async Task A_guest_whose_kernel_panics_while_its_domain_runs_is_restarted_in_place_and_recovered()
    {
        var starts = StartsOf("vm01");
        var faultAt = DateTimeOffset.UtcNow;
        await stack.Lab.Guest("vm01").PanicAsync();
        Assert.Equal("running", (await stack.Lab.Host("lab01").User.VirshAsync("domstate", "vm01")).Output.Trim());

        var recovery = await RecoveredAsync("vm01", faultAt);

        Assert.Contains(Restart, recovery.Steps.Select(step => step.Step));
        Assert.Equal(["lab01"], StartsOf("vm01").Skip(starts.Count).Select(start => start.Host));
        await AssertRunsOnAsync("vm01", "lab01");
    }

    [Fact]
    public async Task A_host_that_loses_power_is_fenced_through_its_BMC_its_guest_starts_on_another_host_never_on_both_and_its_BMC_powers_it_on_again()
    {
        var failed = stack.Lab.Host("lab03");
        var faultAt = DateTimeOffset.UtcNow;
        await failed.LosePowerAsync();

        var recovery = await RecoveredAsync("vm04", faultAt);

        Assert.Contains("0x20 set power 0", failed.Bmc.ChassisCalls());
        Assert.False(failed.PoweredOn);
        var steps = recovery.Steps.Select(step => step.Step).ToList();
        Assert.True(steps.IndexOf(Fencing) >= 0 && steps.IndexOf(Fencing) < steps.LastIndexOf(Restart), $"not fenced before the restart: {recovery}");
        var host = stack.Lab.Watcher.RunningOn("vm04");
        Assert.Contains(host, new[] { "lab01", "lab02" });
        Assert.Equal([host!], StartsOf("vm04").Skip(1).Select(start => start.Host));
        await AssertRunsOnAsync("vm04", host!);

        var poweredOnAt = DateTimeOffset.UtcNow;
        await failed.PowerOnAsync();

        Assert.Contains("Chassis Power is on", (await failed.Bmc.IpmitoolAsync("chassis", "power", "status")).Output);
        await stack.Cluster.ResponsiveAsync("lab03", poweredOnAt, TimeSpan.FromMinutes(1));
        Assert.Equal("shut off", (await stack.Lab.SshAsync(failed, "virsh domstate vm04")).Output.Trim());
        await AssertRunsOnAsync("vm04", host!);
    }

    [Fact]
    public async Task The_orchestrator_killed_during_a_restart_and_started_again_completes_the_incident_with_no_second_start()
    {
        var before = StartsOf("vm03");
        var faultAt = DateTimeOffset.UtcNow;
        await stack.Lab.Guest("vm03").HangAsync();
        await Eventually.Until(() => stack.Lab.Watcher.RunningOn("vm03") is null || StartsOf("vm03").Count > before.Count,
            RecoveryTimeout, "vm03's restart under way (its old QEMU destroyed)");

        await stack.Services.KillAsync("ThreeRC.Orchestrator");
        await stack.Services.RestartAsync("ThreeRC.Orchestrator");

        var recovery = await RecoveredAsync("vm03", faultAt);
        Assert.Contains(Restart, recovery.Steps.Select(step => step.Step));
        var starts = StartsOf("vm03").Skip(before.Count).ToList();
        Assert.True(starts.Count == 1, $"vm03 was not started exactly once: {string.Join(", ", starts)}\n{recovery}");
        await AssertRunsOnAsync("vm03", "lab02");
    }

    private List<GuestStart> StartsOf(string vm) => stack.Lab.Watcher.Starts.Where(start => start.Vm == vm).ToList();

    /// <summary>Waits, through the Api, for the VM's incident opened after the fault to end, and checks it recovered.</summary>
    private async Task<Recovery> RecoveredAsync(string vm, DateTimeOffset faultAt)
    {
        var ended = await stack.Recoveries.EndedAsync(vm, faultAt, RecoveryTimeout, () => $"{vm}'s console:\n{stack.Lab.Guest(vm).ConsoleText()}");
        Assert.True(ended.State == RecoveryState.Recovered, $"{vm}'s incident ended {ended.State}: {ended}");
        stack.Lab.AssertSafe();
        return ended;
    }

    /// <summary>The VM runs on <paramref name="host"/> alone, reports to Ganglia, and the Api sees it up there.</summary>
    private async Task AssertRunsOnAsync(string vm, string host)
    {
        await stack.Lab.Watcher.NextRoundAsync();
        Assert.Equal(host, stack.Lab.Watcher.RunningOn(vm));
        Assert.Equal("running", (await stack.Lab.Host(host).User.VirshAsync("domstate", vm)).Output.Trim());
        Assert.True(await stack.Lab.ReportingAsync(vm, LibvirtLab.Timers.DetectAfter), $"{vm} is not reporting to Ganglia");
        var seen = await stack.Cluster.GetVmAsync(new GetVmRequest { Name = vm });
        Assert.Equal((VmState.Up, host), (seen.State, seen.CurrentHost));
        stack.Lab.AssertSafe();
    }
}
