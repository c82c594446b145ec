using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ThreeRC.Contracts.Hypervisor;
using ThreeRC.HypervisorExecutor.Consumers;
using ThreeRC.HypervisorExecutor.Execution;

namespace ThreeRC.HypervisorExecutor.Tests.Consumers;

/// <summary>Each command gets exactly one result, whatever the executor behind the consumer does.</summary>
public sealed class ConsumerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_restart_the_executor_reports_done_is_published_as_restarted_with_its_commands()
    {
        var executor = new ScriptedExecutor(ActionOutcome.Done(["threerc@10.0.0.11: virsh start gridce"], Now));
        await using var provider = Harness(executor);
        var harness = await Start(provider);
        var (recovery, command) = (Guid.NewGuid(), Guid.NewGuid());

        await harness.Bus.Publish(new RestartVm(recovery, "gridce", command, "alfa01", null, Now, Now.AddMinutes(5)));

        Assert.True(await harness.Published.Any<VmRestarted>());
        var restarted = harness.Published.Select<VmRestarted>().Single().Context.Message;
        Assert.Equal(new VmRestarted(recovery, "gridce", command, "alfa01", restarted.Commands, Now), restarted);
        Assert.Equal(["threerc@10.0.0.11: virsh start gridce"], restarted.Commands);
    }

    [Fact]
    public async Task An_executor_that_throws_still_gives_exactly_one_failed_result_and_is_not_retried()
    {
        var executor = new ScriptedExecutor(new InvalidOperationException("disk on fire"));
        await using var provider = Harness(executor);
        var harness = await Start(provider);

        await harness.Bus.Publish(new RestartVm(Guid.NewGuid(), "gridce", Guid.NewGuid(), "alfa01", null, Now, Now.AddMinutes(5)));

        Assert.True(await harness.Published.Any<VmRestartFailed>());
        Assert.True(await harness.Consumed.Any<RestartVm>());
        Assert.Single(harness.Published.Select<VmRestartFailed>());
        var failed = harness.Published.Select<VmRestartFailed>().Single().Context.Message;
        Assert.Equal("the executor failed: disk on fire; it may have taken effect", failed.Reason);
        Assert.True(failed.MayHaveTakenEffect, "nothing says what an executor that threw had done");
        Assert.False(await harness.Published.Any<VmRestarted>());
        Assert.Equal(1, executor.Calls);
    }

    [Fact]
    public async Task A_failed_fencing_is_published_with_its_method_and_reason()
    {
        var executor = new ScriptedExecutor(ActionOutcome.Failed("BMC 10.0.1.11: power off failed", ["local: ipmitool ..."], Now));
        await using var provider = Harness(executor);
        var harness = await Start(provider);

        await harness.Bus.Publish(new FenceHost(Guid.NewGuid(), "gridce", Guid.NewGuid(), "alfa01", FenceMethod.Ipmi, 2, Now, Now.AddMinutes(5)));

        Assert.True(await harness.Published.Any<FenceFailed>());
        var failed = harness.Published.Select<FenceFailed>().Single().Context.Message;
        Assert.Equal((FenceMethod.Ipmi, "BMC 10.0.1.11: power off failed"), (failed.Method, failed.Reason));
        Assert.False(await harness.Published.Any<HostFenced>());
    }

    [Fact]
    public async Task A_guest_reboot_is_published_with_the_command_that_ran()
    {
        var executor = new ScriptedExecutor(ActionOutcome.Done(["root@10.0.2.101: reboot"], Now));
        await using var provider = Harness(executor);
        var harness = await Start(provider);

        await harness.Bus.Publish(new RebootGuest(Guid.NewGuid(), "gridce", Guid.NewGuid(), Now, Now.AddMinutes(5)));

        Assert.True(await harness.Published.Any<GuestRebootIssued>());
        Assert.Equal("root@10.0.2.101: reboot", harness.Published.Select<GuestRebootIssued>().Single().Context.Message.Command);
    }

    private static ServiceProvider Harness(IHypervisorExecutor executor) => new ServiceCollection()
        .AddSingleton(executor)
        .AddSingleton<TimeProvider>(new FakeTimeProvider(Now))
        .AddMassTransitTestHarness(bus =>
        {
            // The default 1.2 s of inactivity ends the wait for a result before a loaded CI machine has published it.
            bus.SetTestTimeouts(testTimeout: TimeSpan.FromSeconds(30), testInactivityTimeout: TimeSpan.FromSeconds(5));
            bus.AddConsumer<RebootGuestConsumer>();
            bus.AddConsumer<RestartVmConsumer>();
            bus.AddConsumer<FenceHostConsumer>();
            bus.AddConfigureEndpointsCallback((_, _, endpoint) => endpoint.UseMessageRetry(retry => retry.Immediate(3)));
        })
        .BuildServiceProvider(true);

    private static async Task<ITestHarness> Start(IServiceProvider provider)
    {
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        return harness;
    }

    private sealed class ScriptedExecutor : IHypervisorExecutor
    {
        private readonly ActionOutcome? _outcome;
        private readonly Exception? _failure;

        public ScriptedExecutor(ActionOutcome outcome) => _outcome = outcome;

        public ScriptedExecutor(Exception failure) => _failure = failure;

        public int Calls { get; private set; }

        public Task<ActionOutcome> RebootGuestAsync(RebootGuest command, CancellationToken cancellationToken) => Answer();

        public Task<ActionOutcome> RestartVmAsync(RestartVm command, CancellationToken cancellationToken) => Answer();

        public Task<ActionOutcome> FenceHostAsync(FenceHost command, CancellationToken cancellationToken) => Answer();

        private Task<ActionOutcome> Answer()
        {
            Calls++;
            return _failure is null ? Task.FromResult(_outcome!) : Task.FromException<ActionOutcome>(_failure);
        }
    }
}
