using ThreeRC.HypervisorExecutor.Tests.Harness;

namespace ThreeRC.HypervisorExecutor.Tests.Ssh;

/// <summary>One reusable connection per login, replaced when the host has closed it.</summary>
public sealed class ConnectionReuseTests() : LabTests(hosts: 1)
{
    [Fact]
    public async Task Restarts_on_one_host_share_one_connection()
    {
        Lab[0].SetDomain("gridce", "running");
        using var executor = Lab.Executor(GridceOnAlfa01());

        var first = await executor.RestartAsync("gridce", "alfa01");
        var second = await executor.RestartAsync("gridce", "alfa01");

        Assert.True(first.Succeeded && second.Succeeded, first.Reason ?? second.Reason);
        Assert.Equal(1, Lab[0].Ssh.Connections);
        Assert.Equal(8, Lab[0].Calls().Count);
    }

    [Fact]
    public async Task A_connection_the_host_closed_is_replaced_by_a_new_one()
    {
        Lab[0].SetDomain("gridce", "running");
        using var executor = Lab.Executor(GridceOnAlfa01());
        Assert.True((await executor.RestartAsync("gridce", "alfa01")).Succeeded);

        Lab[0].Ssh.DropSessions();
        var outcome = await executor.RestartAsync("gridce", "alfa01");

        Assert.True(outcome.Succeeded, outcome.Reason);
        Assert.Equal(2, Lab[0].Ssh.Connections);
        Assert.Equal("running", Lab[0].DomainState("gridce"));
    }
}
