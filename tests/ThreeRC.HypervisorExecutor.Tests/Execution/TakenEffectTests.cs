using ThreeRC.HypervisorExecutor.Tests.Harness;

namespace ThreeRC.HypervisorExecutor.Tests.Execution;

/// <summary>
/// A failed restart says whether it may have taken effect: a command that changes something and was sent without a
/// clear answer may have, one that succeeded before the failure did, a clean non-zero exit did not.
/// </summary>
public sealed class TakenEffectTests() : LabTests(hosts: 1)
{
    [Fact]
    public async Task A_restart_whose_session_drops_after_virsh_start_may_have_taken_effect_and_the_domain_runs()
    {
        Lab[0].SetDomain("gridce", "shut off");
        Lab[0].SetVirshFault("start", "drop");
        using var executor = Lab.Executor(GridceOnAlfa01());

        var outcome = await executor.RestartAsync("gridce", "alfa01");

        Assert.False(outcome.Succeeded);
        Assert.True(outcome.MayHaveTakenEffect, outcome.Reason);
        Assert.EndsWith($"{Login}: virsh -c qemu:///system start gridce may have taken effect (it was sent and no clear answer came back)", outcome.Reason);
        Assert.Equal("running", Lab[0].DomainState("gridce"));
        Assert.Equal(["virsh domstate gridce", "virsh start gridce"], Lab[0].Calls());
    }

    [Fact]
    public async Task A_start_that_fails_cleanly_did_not_take_effect()
    {
        Lab[0].SetDomain("gridce", "shut off");
        Lab[0].SetVirshFault("start", "fail");
        using var executor = Lab.Executor(GridceOnAlfa01());

        var outcome = await executor.RestartAsync("gridce", "alfa01");

        Assert.False(outcome.Succeeded);
        Assert.False(outcome.MayHaveTakenEffect, outcome.Reason);
        Assert.Equal($"{Login}: virsh -c qemu:///system start gridce failed (step 1 of 2 in one round trip): error: Failed to start", outcome.Reason);
        Assert.Equal("shut off", Lab[0].DomainState("gridce"));
    }

    [Fact]
    public async Task A_start_that_overruns_its_timeout_after_it_was_sent_may_have_taken_effect()
    {
        Lab[0].SetDomain("gridce", "shut off");
        Lab[0].SetVirshFault("start", "hang");
        using var executor = Lab.Executor(GridceOnAlfa01(), ("Executor:Ssh:CommandTimeout", "00:00:02"));

        var outcome = await executor.RestartAsync("gridce", "alfa01");

        Assert.False(outcome.Succeeded);
        Assert.True(outcome.MayHaveTakenEffect, outcome.Reason);
        Assert.StartsWith(
            $"{Login}: virsh -c qemu:///system start gridce || exit 201; virsh -c qemu:///system domstate gridce did not finish within 2 s; ", outcome.Reason);
        Assert.Equal("running", Lab[0].DomainState("gridce"));
    }

    [Fact]
    public async Task A_destroy_that_succeeded_before_a_failed_start_took_effect()
    {
        Lab[0].SetDomain("gridce", "running");
        Lab[0].SetVirshFault("start", "fail");
        using var executor = Lab.Executor(GridceOnAlfa01());

        var outcome = await executor.RestartAsync("gridce", "alfa01");

        Assert.False(outcome.Succeeded);
        Assert.True(outcome.MayHaveTakenEffect, outcome.Reason);
        Assert.StartsWith($"{Login}: virsh -c qemu:///system start gridce failed (step 2 of 3 in one round trip): error: Failed to start; ", outcome.Reason);
        Assert.EndsWith($"; {Login}: virsh -c qemu:///system destroy gridce took effect", outcome.Reason);
        Assert.Equal("shut off", Lab[0].DomainState("gridce"));
    }

    private string Login => $"{Lab[0].Ssh.User}@127.0.0.1:{Lab[0].Ssh.Port}";
}
