using ThreeRC.Contracts.Hypervisor;
using ThreeRC.HypervisorExecutor.Tests.Harness;

namespace ThreeRC.HypervisorExecutor.Tests.Execution;

/// <summary>With Executor:DryRun on, every command is checked and planned, nothing runs, and no result claims success.</summary>
public sealed class DryRunTests() : LabTests(hosts: 1)
{
    [Fact]
    public async Task A_dry_run_restart_lists_what_it_would_run_and_runs_nothing()
    {
        Lab[0].SetDomain("gridce", "running");
        using var executor = Lab.Executor(GridceOnAlfa01(), ("Executor:DryRun", "true"));

        var outcome = await executor.RestartAsync("gridce", "alfa01");

        Assert.False(outcome.Succeeded);
        Assert.Equal("dry run: nothing was run (Executor:DryRun is on)", outcome.Reason);
        var login = $"{Lab[0].Ssh.User}@127.0.0.1:{Lab[0].Ssh.Port}";
        Assert.All(outcome.Commands, line => Assert.StartsWith($"(dry run) {login}: virsh ", line));
        Assert.Contains(
            $"(dry run) {login}: virsh -c qemu:///system destroy gridce || exit 201; virsh -c qemu:///system start gridce || exit 202; virsh -c qemu:///system domstate gridce"
            + "   [one round trip; destroy only when gridce is not shut off]", outcome.Commands);
        Assert.Equal(0, Lab[0].Ssh.Connections);
        Assert.Empty(Lab[0].Calls());
        Assert.Equal("running", Lab[0].DomainState("gridce"));
    }

    [Fact]
    public async Task A_dry_run_never_reports_a_host_as_fenced()
    {
        using var executor = Lab.Executor(GridceOnAlfa01(), ("Executor:DryRun", "true"));

        var outcome = await executor.FenceAsync("gridce", "alfa01", FenceMethod.Hypervisor);

        Assert.False(outcome.Succeeded);
        Assert.StartsWith("dry run", outcome.Reason);
        Assert.Equal(3, outcome.Commands.Count);
        Assert.False(outcome.MayHaveTakenEffect);
        Assert.Equal(0, Lab[0].Ssh.Connections);
    }

    [Fact]
    public async Task A_dry_run_still_refuses_unsafe_values()
    {
        using var executor = Lab.Executor(GridceOnAlfa01(), ("Executor:DryRun", "true"));

        var outcome = await executor.RestartAsync("gridce && reboot", "alfa01");

        Assert.False(outcome.Succeeded);
        Assert.StartsWith("VM name 'gridce && reboot' is refused", outcome.Reason);
        Assert.Empty(outcome.Commands);
    }
}
