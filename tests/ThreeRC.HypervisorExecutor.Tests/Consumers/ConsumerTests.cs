using MassTransit.Testing;
using Microsoft.Extensions.Time.Testing;
using ThreeRC.Contracts.Hypervisor;
using ThreeRC.HypervisorExecutor.Execution;
using ThreeRC.HypervisorExecutor.Tests.Harness;
using ThreeRC.Testing;

namespace ThreeRC.HypervisorExecutor.Tests.Consumers;

/// <summary>Each command gets exactly one result, whatever the executor behind the consumer does.</summary>
public sealed class ConsumerTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 6, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _data = new("executor-consumers");

    [Fact]
    public async Task A_restart_the_executor_reports_done_is_published_as_restarted_with_its_commands()
    {
        var executor = new ScriptedExecutor(ActionOutcome.Done(["threerc@10.0.0.11: virsh start gridce"], Now));
        await using var provider = ConsumerBus.Create(executor, _data.Path, new FakeTimeProvider(Now));
        var harness = await provider.StartAsync();
        var (recovery, command) = (Guid.NewGuid(), Guid.NewGuid());

        await harness.Bus.Publish(new RestartVm(recovery, "gridce", command, "alfa01", null, Now, Now.AddMinutes(5)));

        Assert.True(await harness.Published.Any<VmRestarted>());
        var restarted = harness.Published.Select<VmRestarted>().Single().Context.Message;
        Assert.Equal(new VmRestarted(recovery, "gridce", command, "alfa01", restarted.Commands, Now), restarted);
        Assert.Equal(["threerc@10.0.0.11: virsh start gridce"], restarted.Commands);
    }

    [Fact]
    public async Task An_executor_that_throws_still_gives_exactly_one_failed_result_that_may_have_taken_effect_and_is_not_retried()
    {
        var executor = new ScriptedExecutor(new InvalidOperationException("disk on fire"));
        await using var provider = ConsumerBus.Create(executor, _data.Path, new FakeTimeProvider(Now));
        var harness = await provider.StartAsync();

        await harness.Bus.Publish(new RestartVm(Guid.NewGuid(), "gridce", Guid.NewGuid(), "alfa01", null, Now, Now.AddMinutes(5)));

        Assert.True(await harness.Published.Any<VmRestartFailed>());
        Assert.True(await harness.Consumed.Any<RestartVm>());
        var failed = Assert.Single(harness.Published.Select<VmRestartFailed>()).Context.Message;
        Assert.Equal("the executor failed: disk on fire; it may have taken effect", failed.Reason);
        Assert.True(failed.MayHaveTakenEffect, "nothing says what an executor that threw had done");
        Assert.False(await harness.Published.Any<VmRestarted>());
        Assert.Equal(1, executor.Calls);
    }

    [Fact]
    public async Task A_failed_fencing_is_published_with_its_method_reason_and_whether_it_may_have_taken_effect()
    {
        var outcome = ActionOutcome.Failed("BMC 10.0.1.11: power off did not finish", ["local: ipmitool ..."], Now) with { MayHaveTakenEffect = true };
        await using var provider = ConsumerBus.Create(new ScriptedExecutor(outcome), _data.Path, new FakeTimeProvider(Now));
        var harness = await provider.StartAsync();

        await harness.Bus.Publish(new FenceHost(Guid.NewGuid(), "gridce", Guid.NewGuid(), "alfa01", FenceMethod.Ipmi, 2, Now, Now.AddMinutes(5)));

        Assert.True(await harness.Published.Any<FenceFailed>());
        var failed = harness.Published.Select<FenceFailed>().Single().Context.Message;
        Assert.Equal((FenceMethod.Ipmi, "BMC 10.0.1.11: power off did not finish", true), (failed.Method, failed.Reason, failed.MayHaveTakenEffect));
        Assert.False(await harness.Published.Any<HostFenced>());
    }

    [Fact]
    public async Task A_guest_reboot_is_published_with_the_command_that_ran()
    {
        var executor = new ScriptedExecutor(ActionOutcome.Done(["root@10.0.2.101: reboot"], Now));
        await using var provider = ConsumerBus.Create(executor, _data.Path, new FakeTimeProvider(Now));
        var harness = await provider.StartAsync();

        await harness.Bus.Publish(new RebootGuest(Guid.NewGuid(), "gridce", Guid.NewGuid(), Now, Now.AddMinutes(5)));

        Assert.True(await harness.Published.Any<GuestRebootIssued>());
        Assert.Equal("root@10.0.2.101: reboot", harness.Published.Select<GuestRebootIssued>().Single().Context.Message.Command);
    }

    public void Dispose() => _data.Dispose();
}
