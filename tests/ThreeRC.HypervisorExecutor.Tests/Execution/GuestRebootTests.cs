using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ThreeRC.HypervisorExecutor.Tests.Harness;
using ThreeRC.Testing;

namespace ThreeRC.HypervisorExecutor.Tests.Execution;

/// <summary>Guest reboots against a real sshd whose PATH holds the reboot look-alike.</summary>
public sealed class GuestRebootTests() : LabTests(hosts: 1)
{
    [Fact]
    public async Task A_guest_that_accepts_its_reboot_command_is_rebooted()
    {
        using var executor = Lab.Executor(Inventory());

        var outcome = await executor.RebootAsync("gridce");

        Assert.True(outcome.Succeeded, outcome.Reason);
        Assert.Equal(["reboot"], Lab[0].Calls());
        var guest = $"{Lab[0].Ssh.User}@127.0.0.1:{Lab[0].Ssh.Port}";
        Assert.Equal([$"{guest}: true", $"{guest}: reboot"], outcome.Commands);
    }

    [Fact]
    public async Task A_connection_dropped_by_the_reboot_counts_as_issued()
    {
        Lab[0].SetRebootMode("drop");
        using var executor = Lab.Executor(Inventory());

        var outcome = await executor.RebootAsync("gridce");

        Assert.True(outcome.Succeeded, outcome.Reason);
        Assert.Equal(["reboot"], Lab[0].Calls());
    }

    [Fact]
    public async Task The_guest_reboot_command_of_the_inventory_runs_with_its_arguments()
    {
        using var executor = Lab.Executor(Inventory(rebootCommand: "reboot --force now"));

        var outcome = await executor.RebootAsync("gridce");

        Assert.True(outcome.Succeeded, outcome.Reason);
        Assert.Equal(["reboot --force now"], Lab[0].Calls());
    }

    [Fact]
    public async Task A_reboot_command_that_fails_is_a_failed_reboot()
    {
        Lab[0].SetRebootMode("fail");
        using var executor = Lab.Executor(Inventory());

        var outcome = await executor.RebootAsync("gridce");

        Assert.False(outcome.Succeeded);
        Assert.EndsWith("reboot failed with exit status 1: reboot: Failed to connect to bus: No such file or directory", outcome.Reason);
        Assert.False(outcome.MayHaveTakenEffect, "the guest said it did not reboot");
    }

    [Fact]
    public async Task A_reboot_command_that_never_answers_may_have_taken_effect()
    {
        Lab[0].SetRebootMode("hang");
        using var executor = Lab.Executor(Inventory(), ("Executor:GuestRebootTimeout", "00:00:02"));

        var outcome = await executor.RebootAsync("gridce");

        Assert.False(outcome.Succeeded);
        var reboot = $"{Lab[0].Ssh.User}@127.0.0.1:{Lab[0].Ssh.Port}: reboot";
        Assert.Equal(
            $"{Lab[0].Ssh.User}@127.0.0.1:{Lab[0].Ssh.Port}: reboot did not complete within Executor:GuestRebootTimeout (2 s); "
            + $"{reboot} may have taken effect (it was sent and no clear answer came back)",
            outcome.Reason);
        Assert.True(outcome.MayHaveTakenEffect);
        Assert.Equal(["reboot"], Lab[0].Calls());
    }

    [Fact]
    public async Task A_guest_whose_SSH_port_refuses_fails_its_reboot_at_once_without_retries()
    {
        var closedPort = FreePort.Next();
        using var executor = Lab.Executor(GuestOn(closedPort), ("Executor:GuestRebootTimeout", "00:00:05"), ("Executor:Ssh:ConnectAttempts", "10"));

        var outcome = await executor.RebootAsync("gridce");

        Assert.False(outcome.Succeeded);
        Assert.Equal($"{Lab[0].Ssh.User}@127.0.0.1:{closedPort}: cannot connect: Connection refused", outcome.Reason);
        Assert.False(outcome.MayHaveTakenEffect);
    }

    [Fact]
    public async Task A_guest_that_never_answers_SSH_is_a_failed_reboot_within_the_guest_reboot_timeout()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        using var executor = Lab.Executor(GuestOn(port), ("Executor:GuestRebootTimeout", "00:00:02"), ("Executor:Ssh:ConnectAttempts", "10"));
        var clock = Stopwatch.StartNew();

        var outcome = await executor.RebootAsync("gridce");

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(4));
        Assert.False(outcome.Succeeded);
        Assert.Equal($"{Lab[0].Ssh.User}@127.0.0.1:{port}: no working login within Executor:GuestRebootTimeout (2 s); reboot was not sent", outcome.Reason);
        Assert.False(outcome.MayHaveTakenEffect);
    }

    private string GuestOn(int port) => new TestInventory()
        .Host("alfa01", Lab[0])
        .Vm("gridce", "alfa01", Lab.LibvirtDefinition("gridce"), guest: Lab[0], guestPort: port)
        .Yaml;

    private string Inventory(string rebootCommand = "reboot") => new TestInventory()
        .Host("alfa01", Lab[0])
        .Vm("gridce", "alfa01", Lab.LibvirtDefinition("gridce"), guest: Lab[0], rebootCommand: rebootCommand)
        .Yaml;
}
