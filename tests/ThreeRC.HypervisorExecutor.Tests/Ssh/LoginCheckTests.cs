using Microsoft.Extensions.Diagnostics.HealthChecks;
using ThreeRC.HypervisorExecutor.Health;
using ThreeRC.HypervisorExecutor.Tests.Harness;
using ThreeRC.Testing;

namespace ThreeRC.HypervisorExecutor.Tests.Ssh;

/// <summary>Every host and guest is logged in to before a recovery needs it: broken logins show early, working ones stay open.</summary>
public sealed class LoginCheckTests() : LabTests(hosts: 2)
{
    [Fact]
    public async Task The_check_reports_a_host_whose_key_is_not_pinned_and_leaves_the_good_login_open_for_the_first_restart()
    {
        Lab[0].SetDomain("gridce", "running");
        var knownHosts = Lab.Write("alfa01_only", Lab[0].Ssh.KnownHostsLine + "\n");
        var inventory = new TestInventory().Host("alfa01", Lab[0]).Host("alfa02", Lab[1]).Vm("gridce", "alfa01", Lab.LibvirtDefinition("gridce"), guest: Lab[0]).Yaml;
        using var executor = Lab.Executor(inventory, ("Executor:Ssh:KnownHostsFile", knownHosts));

        var failures = await executor.LoginCheck.CheckAsync(CancellationToken.None);
        await Eventually.Until(() => Lab[0].Ssh.Connections == 1, TimeSpan.FromSeconds(10), "alfa01's sshd logging the check's connection");
        var restart = await executor.RestartAsync("gridce", "alfa01");

        Assert.Equal(["host alfa02"], failures.Keys);
        Assert.Contains($"is unknown: {knownHosts} pins no key for [127.0.0.1]:{Lab[1].Ssh.Port}", failures["host alfa02"]);
        Assert.True(restart.Succeeded, restart.Reason);
        Assert.Equal(1, Lab[0].Ssh.Connections);
        Assert.Empty(Lab[1].Calls());
        var health = await HealthAsync(executor);
        Assert.Equal(HealthStatus.Degraded, health.Status);
        Assert.StartsWith($"SSH to host alfa02 fails: {failures["host alfa02"]}", health.Description);
        Assert.DoesNotContain("host alfa01", health.Description);
    }

    [Fact]
    public async Task The_health_check_is_degraded_while_no_host_s_login_works_naming_each_and_healthy_once_every_one_does()
    {
        var inventory = new TestInventory().Host("alfa01", Lab[0]).Host("alfa02", Lab[1]).Yaml;
        using var blind = Lab.Executor(inventory, ("Executor:Ssh:KnownHostsFile", Lab.Write("pins_nothing", "\n")));
        using var seeing = Lab.Executor(inventory);

        Assert.Equal(HealthStatus.Healthy, (await HealthAsync(blind)).Status);
        await blind.LoginCheck.CheckAsync(CancellationToken.None);
        await seeing.LoginCheck.CheckAsync(CancellationToken.None);
        var degraded = await HealthAsync(blind);
        var healthy = await HealthAsync(seeing);

        Assert.Equal(HealthStatus.Degraded, degraded.Status);
        Assert.Contains("SSH to host alfa01 fails", degraded.Description);
        Assert.Contains("SSH to host alfa02 fails", degraded.Description);
        Assert.Equal((HealthStatus.Healthy, "SSH works to all 2 hosts"), (healthy.Status, healthy.Description));
    }

    [Fact]
    public async Task A_host_that_reports_again_is_logged_in_to_at_once_and_its_next_restart_uses_that_login()
    {
        Lab[0].SetDomain("gridce", "running");
        using var executor = Lab.Executor(GridceOnAlfa01());
        Assert.True((await executor.RestartAsync("gridce", "alfa01")).Succeeded);
        Lab[0].Ssh.DropSessions();

        await executor.LoginCheck.CheckAsync(executor.PhysicalHost("alfa01"), CancellationToken.None);
        // The count and the check's result say, on a failure, whether the check logged in anew at all.
        await Eventually.Until(async () => (Connections: Lab[0].Ssh.Connections, Check: (await HealthAsync(executor)).Description),
            seen => seen.Connections == 2, TimeSpan.FromSeconds(10), "alfa01's sshd logging the new login");
        var restart = await executor.RestartAsync("gridce", "alfa01");

        Assert.True(restart.Succeeded, restart.Reason);
        Assert.Equal(2, Lab[0].Ssh.Connections);
    }

    [Fact]
    public async Task A_guest_is_logged_in_to_ahead_and_its_reboot_uses_that_login_after_a_probe()
    {
        using var executor = Lab.Executor(GridceWithItsGuestOnAlfa02());

        var failures = await executor.LoginCheck.CheckAsync(CancellationToken.None);
        await Eventually.Until(() => Lab[1].Ssh.Connections == 1, TimeSpan.FromSeconds(10), "the guest's sshd logging the check's connection");
        var reboot = await executor.RebootAsync("gridce");

        Assert.Empty(failures);
        Assert.True(reboot.Succeeded, reboot.Reason);
        Assert.Equal(["reboot"], Lab[1].Calls());
        Assert.Equal(1, Lab[1].Ssh.Connections);
        var guest = $"{Lab[1].Ssh.User}@127.0.0.1:{Lab[1].Ssh.Port}";
        Assert.Equal([$"{guest}: true", $"{guest}: reboot"], reboot.Commands);
    }

    [Fact]
    public async Task A_guest_that_reports_again_is_logged_in_to_and_a_kept_login_it_dropped_is_replaced_so_the_reboot_reaches_it()
    {
        using var executor = Lab.Executor(GridceWithItsGuestOnAlfa02());
        await executor.LoginCheck.CheckAsync(executor.VirtualMachine("gridce"), CancellationToken.None);
        await Eventually.Until(() => Lab[1].Ssh.Connections == 1, TimeSpan.FromSeconds(10), "the guest's sshd logging the returned guest's login");
        Lab[1].Ssh.DropSessions();

        var reboot = await executor.RebootAsync("gridce");

        Assert.True(reboot.Succeeded, reboot.Reason);
        Assert.Equal(["reboot"], Lab[1].Calls());
        Assert.Equal(2, Lab[1].Ssh.Connections);
    }

    [Fact]
    public async Task Without_kept_guest_logins_only_hosts_are_checked_and_a_reboot_logs_in_for_itself()
    {
        using var executor = Lab.Executor(GridceWithItsGuestOnAlfa02(), ("Executor:Ssh:KeepGuestLogins", "false"));

        var failures = await executor.LoginCheck.CheckAsync(CancellationToken.None);
        await executor.LoginCheck.CheckAsync(executor.VirtualMachine("gridce"), CancellationToken.None);
        await Eventually.Until(() => Lab[0].Ssh.Connections == 1, TimeSpan.FromSeconds(10), "alfa01's sshd logging the check's connection");
        var connectionsBeforeReboot = Lab[1].Ssh.Connections;
        var reboot = await executor.RebootAsync("gridce");

        Assert.Empty(failures);
        Assert.Equal(0, connectionsBeforeReboot);
        Assert.True(reboot.Succeeded, reboot.Reason);
        Assert.Equal(1, Lab[1].Ssh.Connections);
        Assert.Equal([$"{Lab[1].Ssh.User}@127.0.0.1:{Lab[1].Ssh.Port}: reboot"], reboot.Commands);
    }

    [Fact]
    public async Task A_guest_whose_sshd_died_after_its_login_was_kept_is_a_failed_reboot_not_an_issued_one()
    {
        using var executor = Lab.Executor(GridceWithItsGuestOnAlfa02(), ("Executor:Ssh:ConnectAttempts", "1"));
        Assert.Empty(await executor.LoginCheck.CheckAsync(CancellationToken.None));
        await Lab[1].Ssh.DisposeAsync();

        var reboot = await executor.RebootAsync("gridce");

        Assert.False(reboot.Succeeded);
        Assert.Contains("cannot connect", reboot.Reason);
        Assert.Empty(Lab[1].Calls());
        Assert.DoesNotContain(reboot.Commands, line => line.EndsWith(": reboot", StringComparison.Ordinal));
    }

    private string GridceWithItsGuestOnAlfa02() =>
        new TestInventory().Host("alfa01", Lab[0]).Vm("gridce", "alfa01", Lab.LibvirtDefinition("gridce"), guest: Lab[1]).Yaml;

    private static Task<HealthCheckResult> HealthAsync(Executor executor) =>
        new SshLoginsHealthCheck(executor.LoginCheck).CheckHealthAsync(new HealthCheckContext());
}
