using ThreeRC.HypervisorExecutor.Tests.Harness;
using ThreeRC.Testing;

namespace ThreeRC.HypervisorExecutor.Tests.Ssh;

/// <summary>Every hypervisor host is logged in to before a recovery needs it: broken logins show early, working ones stay open.</summary>
public sealed class HostLoginCheckTests() : LabTests(hosts: 2)
{
    [Fact]
    public async Task The_check_reports_a_host_whose_key_is_not_pinned_and_leaves_the_good_login_open_for_the_first_restart()
    {
        Lab[0].SetDomain("gridce", "running");
        var knownHosts = Lab.Write("alfa01_only", Lab[0].Ssh.KnownHostsLine + "\n");
        var inventory = new TestInventory().Host("alfa01", Lab[0]).Host("alfa02", Lab[1]).Vm("gridce", "alfa01", Lab.LibvirtDefinition("gridce")).Yaml;
        using var executor = Lab.Executor(inventory, ("Executor:Ssh:KnownHostsFile", knownHosts));

        var failures = await executor.LoginCheck.CheckAsync(CancellationToken.None);
        await Eventually.Until(() => Lab[0].Ssh.Connections == 1, TimeSpan.FromSeconds(10), "alfa01's sshd logging the check's connection");
        var restart = await executor.RestartAsync("gridce", "alfa01");

        Assert.Equal(["alfa02"], failures.Keys);
        Assert.Contains($"is unknown: {knownHosts} pins no key for [127.0.0.1]:{Lab[1].Ssh.Port}", failures["alfa02"]);
        Assert.True(restart.Succeeded, restart.Reason);
        Assert.Equal(1, Lab[0].Ssh.Connections);
        Assert.Empty(Lab[1].Calls());
    }

    [Fact]
    public async Task A_host_that_reports_again_is_logged_in_to_at_once_and_its_next_restart_uses_that_login()
    {
        Lab[0].SetDomain("gridce", "running");
        using var executor = Lab.Executor(GridceOnAlfa01());
        Assert.True((await executor.RestartAsync("gridce", "alfa01")).Succeeded);
        Lab[0].Ssh.DropSessions();

        await executor.LoginCheck.CheckAsync(executor.PhysicalHost("alfa01"), CancellationToken.None);
        await Eventually.Until(() => Lab[0].Ssh.Connections == 2, TimeSpan.FromSeconds(10), "alfa01's sshd logging the new login");
        var restart = await executor.RestartAsync("gridce", "alfa01");

        Assert.True(restart.Succeeded, restart.Reason);
        Assert.Equal(2, Lab[0].Ssh.Connections);
    }
}
