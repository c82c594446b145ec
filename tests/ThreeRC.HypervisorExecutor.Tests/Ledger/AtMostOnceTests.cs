using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ThreeRC.Contracts.Hypervisor;
using ThreeRC.HypervisorExecutor.Execution;
using ThreeRC.HypervisorExecutor.Ledger;
using ThreeRC.HypervisorExecutor.Persistence;
using ThreeRC.HypervisorExecutor.Tests.Harness;
using ThreeRC.Testing;

namespace ThreeRC.HypervisorExecutor.Tests.Ledger;

/// <summary>Each command id runs at most once, through the consumers, with its record in executor.db.</summary>
public sealed class AtMostOnceTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 6, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _data = new("executor-ledger");
    private readonly ScriptedExecutor _executor = new(ActionOutcome.Done(["threerc@10.0.0.11: virsh -c qemu:///system start gridce"], Now));

    [Fact]
    public async Task A_restart_whose_result_cannot_be_published_at_first_runs_once_and_its_result_is_published_on_the_retry()
    {
        var failures = new FailingPublishes { FailFirst = typeof(VmRestarted) };
        await using var provider = ConsumerBus.Create(_executor, _data.Path, new FakeTimeProvider(Now), failures);
        var harness = await provider.StartAsync();
        var restart = Restart(notAfter: Now.AddMinutes(5));

        await harness.Bus.Publish(restart);

        await Eventually.Until(() => Delivered<VmRestarted>(harness).Count == 1, TimeSpan.FromSeconds(30), "the restart's result published");
        Assert.True(failures.HaveFailed, "the first publish of the result failed");
        Assert.Equal(1, _executor.Calls);
        Assert.Equal(restart.CommandId, Delivered<VmRestarted>(harness).Single().CommandId);
        Assert.False(await harness.Published.Any<VmRestartFailed>());
    }

    [Fact]
    public async Task A_command_past_its_not_after_time_is_refused_and_nothing_runs()
    {
        await using var provider = ConsumerBus.Create(_executor, _data.Path, new FakeTimeProvider(Now));
        var harness = await provider.StartAsync();

        await harness.Bus.Publish(Restart(notAfter: Now.AddSeconds(-42.5)));

        Assert.True(await harness.Published.Any<VmRestartFailed>());
        var refused = Delivered<VmRestartFailed>(harness).Single();
        Assert.Equal(
            "refused: its not-after time 2026-11-26T05:59:17.5000000+00:00 had passed 42.5 s before the executor received it (at 2026-11-26T06:00:00.0000000+00:00); nothing was run",
            refused.Reason);
        Assert.False(refused.MayHaveTakenEffect);
        Assert.Empty(refused.Commands);
        Assert.Equal(0, _executor.Calls);
    }

    [Fact]
    public async Task A_command_id_delivered_twice_runs_once_and_each_delivery_gets_its_result()
    {
        await using var provider = ConsumerBus.Create(_executor, _data.Path, new FakeTimeProvider(Now));
        var harness = await provider.StartAsync();
        var restart = Restart(notAfter: Now.AddMinutes(5));

        await harness.Bus.Publish(restart);
        await Eventually.Until(() => Delivered<VmRestarted>(harness).Count == 1, TimeSpan.FromSeconds(30), "the first result published");
        await harness.Bus.Publish(restart);

        await Eventually.Until(() => Delivered<VmRestarted>(harness).Count == 2, TimeSpan.FromSeconds(30), "the repeat answered");
        Assert.Equal(1, _executor.Calls);
        Assert.Single(Delivered<VmRestarted>(harness).Select(result => (result.CommandId, result.RestartedAt, string.Join("\n", result.Commands))).Distinct());
    }

    [Fact]
    public async Task A_command_id_delivered_again_while_it_runs_waits_for_it_and_runs_once()
    {
        var gated = new ScriptedExecutor(ActionOutcome.Done(["threerc@10.0.0.11: virsh -c qemu:///system start gridce"], Now)) { Gate = new() };
        await using var provider = ConsumerBus.Create(gated, _data.Path, new FakeTimeProvider(Now));
        var ledger = provider.GetRequiredService<CommandLedger>();
        var restart = Restart(notAfter: Now.AddMinutes(5));

        var first = ledger.RunOnceAsync(CommandTicket.Of(restart), cancel => gated.RestartVmAsync(restart, cancel), CancellationToken.None);
        await Eventually.Until(() => gated.Calls == 1, TimeSpan.FromSeconds(10), "the first delivery running");
        var second = ledger.RunOnceAsync(CommandTicket.Of(restart), cancel => gated.RestartVmAsync(restart, cancel), CancellationToken.None);
        Assert.False(second.IsCompleted, "the repeat waits for the delivery that runs");
        gated.Gate.SetResult();

        Assert.Equal(await first, await second);
        Assert.Equal(1, gated.Calls);
    }

    [Fact]
    public async Task A_command_the_executor_stopped_in_the_middle_of_is_answered_as_may_have_taken_effect_and_not_run_again()
    {
        var restart = Restart(notAfter: Now.AddMinutes(5));
        await using (var crashed = ConsumerBus.Create(new ScriptedExecutor(new InvalidOperationException("not called")), _data.Path, new FakeTimeProvider(Now)))
            await crashed.GetRequiredService<CommandRecordStore>().InsertAsync(CommandTicket.Of(restart), Now.AddSeconds(-3), outcome: null, CancellationToken.None);
        await using var provider = ConsumerBus.Create(_executor, _data.Path, new FakeTimeProvider(Now));
        var harness = await provider.StartAsync();

        await harness.Bus.Publish(restart);

        Assert.True(await harness.Published.Any<VmRestartFailed>());
        var interrupted = Delivered<VmRestartFailed>(harness).Single();
        Assert.Equal(
            "the executor stopped while running this command (started at 2026-11-26T05:59:57.0000000+00:00); it may have taken effect; it is not run again",
            interrupted.Reason);
        Assert.True(interrupted.MayHaveTakenEffect);
        Assert.Equal(0, _executor.Calls);
        var record = await provider.GetRequiredService<CommandRecordStore>().FindAsync(restart.CommandId, CancellationToken.None);
        Assert.Equal(interrupted.Reason, record?.Outcome?.Reason);
    }

    [Fact]
    public async Task The_record_survives_a_restart_of_the_executor_and_a_repeat_after_it_is_answered_from_it()
    {
        var restart = Restart(notAfter: Now.AddMinutes(5));
        // Its own task: MassTransit keeps the bus's logger in an async-local, which must not outlive this first executor.
        await Task.Run(async () =>
        {
            await using var before = ConsumerBus.Create(_executor, _data.Path, new FakeTimeProvider(Now));
            var harness = await before.StartAsync();
            await harness.Bus.Publish(restart);
            Assert.True(await harness.Published.Any<VmRestarted>());
        });

        var afterRestart = new ScriptedExecutor(new InvalidOperationException("a repeated command must not run"));
        await using var after = ConsumerBus.Create(afterRestart, _data.Path, new FakeTimeProvider(Now.AddMinutes(1)));
        var again = await after.StartAsync();
        await again.Bus.Publish(restart);

        Assert.True(await again.Published.Any<VmRestarted>());
        Assert.Equal(["threerc@10.0.0.11: virsh -c qemu:///system start gridce"], Delivered<VmRestarted>(again).Single().Commands);
        Assert.Equal((1, 0), (_executor.Calls, afterRestart.Calls));
    }

    public void Dispose() => _data.Dispose();

    private static RestartVm Restart(DateTimeOffset notAfter) => new(Guid.NewGuid(), "gridce", Guid.NewGuid(), "alfa01", null, Now.AddMinutes(-1), notAfter);

    private static List<T> Delivered<T>(ITestHarness harness) where T : class =>
        harness.Published.Select<T>().Where(message => message.Exception is null).Select(message => message.Context.Message).ToList();
}
