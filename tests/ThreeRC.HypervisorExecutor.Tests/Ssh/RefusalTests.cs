using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ThreeRC.HypervisorExecutor.Tests.Harness;
using ThreeRC.Inventory.Loading;
using ThreeRC.Inventory.Model;
using ThreeRC.Testing;

namespace ThreeRC.HypervisorExecutor.Tests.Ssh;

/// <summary>What the executor refuses, and how it says so: each refusal is a failed result and nothing runs.</summary>
public sealed class RefusalTests() : LabTests(hosts: 1)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Lab[0].SetDomain("gridce", "running");
    }

    [Fact]
    public async Task An_unknown_host_key_is_refused()
    {
        var knownHosts = Lab.Write("empty_known_hosts", "# nothing pinned\n");
        using var executor = Lab.Executor(GridceOnAlfa01(), ("Executor:Ssh:KnownHostsFile", knownHosts));

        var outcome = await executor.RestartAsync("gridce", "alfa01");

        Assert.False(outcome.Succeeded);
        Assert.Contains($"host key ssh-ed25519 SHA256:", outcome.Reason);
        Assert.Contains($"is unknown: {knownHosts} pins no key for [127.0.0.1]:{Lab[0].Ssh.Port}", outcome.Reason);
        Assert.Empty(Lab[0].Calls());
        Assert.Equal("running", Lab[0].DomainState("gridce"));
    }

    [Fact]
    public async Task Without_a_known_hosts_file_nothing_is_connected_to()
    {
        using var executor = Lab.Executor(GridceOnAlfa01(), ("Executor:Ssh:KnownHostsFile", null));

        var outcome = await executor.RestartAsync("gridce", "alfa01");

        Assert.False(outcome.Succeeded);
        Assert.Equal("Executor:Ssh:KnownHostsFile is not set: no host key can be trusted", outcome.Reason);
        Assert.Equal(0, Lab[0].Ssh.Connections);
    }

    [Fact]
    public async Task A_login_without_any_key_is_refused_before_connecting()
    {
        using var executor = Lab.Executor(GridceOnAlfa01(), ("Executor:Ssh:DefaultKeyFile", null));

        var outcome = await executor.RestartAsync("gridce", "alfa01");

        Assert.False(outcome.Succeeded);
        Assert.EndsWith("no SSH key: set ssh.keyFile in the inventory or Executor:Ssh:DefaultKeyFile", outcome.Reason);
        Assert.Equal(0, Lab[0].Ssh.Connections);
    }

    [Fact]
    public async Task A_changed_host_key_is_refused()
    {
        var other = await Lab.NewKeyAsync("other_host_key");
        var knownHosts = Lab.Write("changed_known_hosts", $"[127.0.0.1]:{Lab[0].Ssh.Port} {other.PublicKey}\n");
        using var executor = Lab.Executor(GridceOnAlfa01(), ("Executor:Ssh:KnownHostsFile", knownHosts));

        var outcome = await executor.RestartAsync("gridce", "alfa01");

        Assert.False(outcome.Succeeded);
        Assert.Contains("has CHANGED", outcome.Reason);
        Assert.Empty(Lab[0].Calls());
    }

    [Fact]
    public async Task A_hashed_known_hosts_entry_pins_the_key()
    {
        var knownHosts = Lab.Write("hashed_known_hosts", Lab[0].Ssh.HashedKnownHostsLine + "\n");
        using var executor = Lab.Executor(GridceOnAlfa01(), ("Executor:Ssh:KnownHostsFile", knownHosts));

        var outcome = await executor.RestartAsync("gridce", "alfa01");

        Assert.True(outcome.Succeeded, outcome.Reason);
        Assert.Equal("running", Lab[0].DomainState("gridce"));
    }

    [Fact]
    public async Task A_user_key_the_host_does_not_accept_is_refused()
    {
        var stranger = await Lab.NewKeyAsync("stranger");
        var inventory = new TestInventory().Host("alfa01", Lab[0], keyFile: stranger.PrivateKeyFile).Vm("gridce", "alfa01", Lab.LibvirtDefinition("gridce")).Yaml;
        using var executor = Lab.Executor(inventory);

        var outcome = await executor.RestartAsync("gridce", "alfa01");

        Assert.False(outcome.Succeeded);
        Assert.Contains($"the server refused the key {stranger.PrivateKeyFile}", outcome.Reason);
        Assert.Empty(Lab[0].Calls());
    }

    [Fact]
    public async Task A_host_whose_SSH_port_refuses_fails_the_restart_at_once_without_retries()
    {
        var closedPort = FreePort.Next();
        using var executor = Lab.Executor(MovedHost(closedPort), ("Executor:Ssh:KnownHostsFile", MovedKnownHosts(closedPort)), ("Executor:Ssh:ConnectAttempts", "5"));

        var outcome = await executor.RestartAsync("gridce", "alfa01");

        Assert.False(outcome.Succeeded);
        Assert.Contains($"127.0.0.1:{closedPort}: cannot connect: Connection refused", outcome.Reason);
        Assert.DoesNotContain("attempts", outcome.Reason);
        Assert.Equal([$"{Lab[0].Ssh.User}@127.0.0.1:{closedPort}: virsh -c qemu:///system domstate gridce"], outcome.Commands);
        Assert.False(outcome.MayHaveTakenEffect, "nothing reached the host");
    }

    [Fact]
    public async Task A_host_that_never_answers_SSH_gives_a_failed_restart_within_the_configured_timeouts()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        using var executor = Lab.Executor(MovedHost(port), ("Executor:Ssh:KnownHostsFile", MovedKnownHosts(port)), ("Executor:Ssh:ConnectTimeout", "00:00:02"));
        var clock = Stopwatch.StartNew();

        var outcome = await executor.RestartAsync("gridce", "alfa01");

        // two attempts of at most 2 s each and one 0.2 s wait between them
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(6));
        Assert.False(outcome.Succeeded);
        Assert.Contains($"127.0.0.1:{port}: no SSH connection within 2 s (after 2 attempts)", outcome.Reason);
        Assert.False(outcome.MayHaveTakenEffect, "nothing reached the host");
    }

    private string MovedHost(int port) => new TestInventory()
        .Host("alfa01", "127.0.0.1", port, Lab[0].Ssh.User)
        .Vm("gridce", "alfa01", Lab.LibvirtDefinition("gridce")).Yaml;

    private string MovedKnownHosts(int port) => Lab.Write("moved_known_hosts", $"[127.0.0.1]:{port} {Lab[0].Ssh.HostKey.PublicKey}\n");

    [Fact]
    public async Task A_command_that_overruns_its_timeout_fails_the_restart()
    {
        Lab[0].HangCommands();
        using var executor = Lab.Executor(GridceOnAlfa01(), ("Executor:Ssh:CommandTimeout", "00:00:01"));
        var clock = Stopwatch.StartNew();

        var outcome = await executor.RestartAsync("gridce", "alfa01");

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(8));
        Assert.False(outcome.Succeeded);
        Assert.Contains("virsh -c qemu:///system domstate gridce did not finish within 1 s", outcome.Reason);
        Assert.False(outcome.MayHaveTakenEffect, "a query that overran changed nothing");
        Assert.Equal(["virsh domstate gridce"], Lab[0].Calls());
    }

    [Theory]
    [InlineData("gridce;touch /tmp/pwned")]
    [InlineData("gridce$(reboot)")]
    [InlineData("gridce' 'x")]
    public async Task A_vm_name_carrying_shell_metacharacters_is_refused_before_any_connection(string name)
    {
        using var executor = Lab.Executor(GridceOnAlfa01());

        var outcome = await executor.RestartAsync(name, "alfa01");

        Assert.False(outcome.Succeeded);
        Assert.StartsWith($"VM name '{name}' is refused: it is not a name", outcome.Reason);
        Assert.Empty(outcome.Commands);
        Assert.Equal(0, Lab[0].Ssh.Connections);
    }

    [Fact]
    public async Task A_definition_path_with_shell_metacharacters_is_refused_before_any_connection()
    {
        // The loader never lets such a path in; the executor checks again, for inventories built in code.
        var loaded = InventoryLoader.Parse(GridceOnAlfa01(), "inventory.yaml");
        var vm = loaded.Vms[0] with { Definition = "/srv/vm/$(reboot).xml" };
        var inventory = new ClusterInventory(loaded.SourceFile, loaded.Timers, loaded.Detection, loaded.Hosts, [vm], loaded.Profiles);
        using var executor = Lab.Executor(inventory);

        var outcome = await executor.RestartAsync("gridce", "alfa01");

        Assert.False(outcome.Succeeded);
        Assert.Equal("definition of gridce '/srv/vm/$(reboot).xml' is refused: it is not an absolute path without spaces, quotes or '..'", outcome.Reason);
        Assert.Equal(0, Lab[0].Ssh.Connections);
    }
}
