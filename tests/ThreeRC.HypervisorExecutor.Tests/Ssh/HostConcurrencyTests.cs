using System.Diagnostics;
using ThreeRC.HypervisorExecutor.Tests.Harness;
using ThreeRC.Testing;

namespace ThreeRC.HypervisorExecutor.Tests.Ssh;

/// <summary>Executor:Ssh:MaxConcurrencyPerHost bounds the commands running at once on one host.</summary>
public sealed class HostConcurrencyTests() : LabTests(hosts: 1)
{
    private static readonly string[] Vms = ["vm1", "vm2", "vm3", "vm4"];

    [Fact]
    public async Task Up_to_the_limit_commands_run_at_once_on_one_host()
    {
        using var executor = await ConnectedExecutorAsync(limit: 4, commandTimeout: "00:01:00");
        Lab[0].HangCommands();

        var restarts = Vms.Select(vm => executor.RestartAsync(vm, "alfa01")).ToList();
        await Eventually.Until(() => Lab[0].HungCommands == 4, TimeSpan.FromSeconds(30), "four commands running at once");
        Lab[0].KillHungCommands();
        var outcomes = await Task.WhenAll(restarts);

        Assert.All(outcomes, outcome => Assert.EndsWith("failed with killed by signal KILL", outcome.Reason));
    }

    [Fact]
    public async Task Commands_beyond_the_limit_wait_for_a_free_slot()
    {
        using var executor = await ConnectedExecutorAsync(limit: 1, commandTimeout: "00:00:01");
        Lab[0].HangCommands();
        var clock = Stopwatch.StartNew();

        var outcomes = await Task.WhenAll(Vms.Select(vm => executor.RestartAsync(vm, "alfa01")));

        // Each command hangs until its 1 s timeout; one at a time, four take at least 4 s.
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(4), $"took {clock.Elapsed}");
        Assert.All(outcomes, outcome => Assert.Contains("did not finish within 1 s", outcome.Reason));
        Assert.Equal(4, Lab[0].HungCommands);
    }

    /// <summary>An executor whose connection to the host is open, so that only commands wait for slots.</summary>
    private async Task<Harness.Executor> ConnectedExecutorAsync(int limit, string commandTimeout)
    {
        var inventory = new TestInventory().Host("alfa01", Lab[0]);
        foreach (var vm in Vms) inventory.Vm(vm, "alfa01", Lab.LibvirtDefinition(vm));
        var executor = Lab.Executor(inventory.Yaml, ("Executor:Ssh:MaxConcurrencyPerHost", limit.ToString()), ("Executor:Ssh:CommandTimeout", commandTimeout));
        Lab[0].SetDomain("vm1", "running");
        Assert.True((await executor.RestartAsync("vm1", "alfa01")).Succeeded);
        return executor;
    }
}
