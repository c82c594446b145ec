using ThreeRC.HypervisorExecutor.Tests.Harness;

namespace ThreeRC.HypervisorExecutor.Tests.Ssh;

/// <summary>Executor:Ssh:KeyExchangeAlgorithms is exactly what is offered to a real sshd.</summary>
public sealed class KeyExchangeTests() : LabTests(hosts: 1)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Lab[0].SetDomain("gridce", "shut off");
    }

    [Fact]
    public async Task A_host_that_accepts_none_of_the_configured_key_exchanges_is_not_logged_in_to()
    {
        // OpenSSH has refused diffie-hellman-group1-sha1 by default since 7.0.
        using var executor = Lab.Executor(GridceOnAlfa01(), ("Executor:Ssh:KeyExchangeAlgorithms:0", "diffie-hellman-group1-sha1"));

        var outcome = await executor.RestartAsync("gridce", "alfa01");

        Assert.False(outcome.Succeeded);
        Assert.Contains("cannot open an SSH session", outcome.Reason);
        Assert.Contains("key exchange", outcome.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(Lab[0].Calls());
        Assert.Equal("shut off", Lab[0].DomainState("gridce"));
    }

    [Fact]
    public async Task A_classical_key_exchange_the_host_accepts_can_be_chosen_over_the_post_quantum_default()
    {
        using var executor = Lab.Executor(GridceOnAlfa01(), ("Executor:Ssh:KeyExchangeAlgorithms:0", "curve25519-sha256"));

        var outcome = await executor.RestartAsync("gridce", "alfa01");

        Assert.True(outcome.Succeeded, outcome.Reason);
        Assert.Equal("running", Lab[0].DomainState("gridce"));
    }
}
