using Microsoft.Extensions.Time.Testing;
using ThreeRC.HypervisorExecutor.Ssh;
using ThreeRC.HypervisorExecutor.Tests.Harness;
using ThreeRC.Testing;

namespace ThreeRC.HypervisorExecutor.Tests.Ssh;

/// <summary>The guest connection opened when a VM is declared unresponsive, against a real sshd.</summary>
public sealed class GuestConnectionWarmTests() : LabTests(hosts: 1)
{
    [Fact]
    public async Task A_warmed_guest_connection_is_open_before_the_reboot_and_the_reboot_uses_it()
    {
        using var executor = Lab.Executor(Inventory());

        await executor.Warmer.WarmAsync("gridce", CancellationToken.None);
        var openedAhead = Lab[0].Ssh.Connections;
        var outcome = await executor.RebootAsync("gridce");

        Assert.Equal(1, openedAhead);
        Assert.True(outcome.Succeeded, outcome.Reason);
        Assert.Equal(["reboot"], Lab[0].Calls());
        Assert.Equal(1, Lab[0].Ssh.Connections);
    }

    [Fact]
    public async Task A_warmed_connection_that_no_reboot_takes_is_closed_after_a_minute()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var executor = Lab.Executor(Inventory(), time);
        await executor.Warmer.WarmAsync("gridce", CancellationToken.None);

        time.Advance(GuestConnectionWarmer.UnusedFor);
        await Eventually.Until(() => Lab[0].Ssh.Log.Contains("Disconnected from user", StringComparison.Ordinal), TimeSpan.FromSeconds(20),
            "the warmed connection closed");
        var outcome = await executor.RebootAsync("gridce");

        Assert.True(outcome.Succeeded, outcome.Reason);
        Assert.Equal(2, Lab[0].Ssh.Connections);
    }

    [Fact]
    public async Task A_refusing_guest_an_unknown_VM_and_a_dry_run_open_nothing_and_throw_nothing()
    {
        var refusing = new TestInventory()
            .Host("alfa01", Lab[0])
            .Vm("gridce", "alfa01", Lab.LibvirtDefinition("gridce"), guest: Lab[0], guestPort: FreePort.Next())
            .Yaml;
        using var closedPort = Lab.Executor(refusing);
        using var dryRun = Lab.Executor(Inventory(), ("Executor:DryRun", "true"));

        await closedPort.Warmer.WarmAsync("gridce", CancellationToken.None);
        await closedPort.Warmer.WarmAsync("ghost", CancellationToken.None);
        await dryRun.Warmer.WarmAsync("gridce", CancellationToken.None);

        Assert.Equal(0, Lab[0].Ssh.Connections);
    }

    private string Inventory() => new TestInventory()
        .Host("alfa01", Lab[0])
        .Vm("gridce", "alfa01", Lab.LibvirtDefinition("gridce"), guest: Lab[0])
        .Yaml;
}
