using Microsoft.Extensions.Time.Testing;
using ThreeRC.HypervisorExecutor.Commands;
using ThreeRC.HypervisorExecutor.Ipmi;

namespace ThreeRC.HypervisorExecutor.Tests.Ipmi;

/// <summary>When a fence may count for a request that joined it, with the BMC played by the test.</summary>
public sealed class ChassisFencesTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-27T04:00:00Z"));
    private int _runs;

    [Fact]
    public async Task A_request_that_joins_before_the_chassis_is_read_as_off_is_satisfied_by_that_read()
    {
        using var fences = new ChassisFences(_time);
        var read = new TaskCompletionSource();
        var first = fences.FenceAsync("bmc", Fence(read.Task), new CommandLog(), CancellationToken.None);
        var joinerLog = new CommandLog();
        var joiner = fences.FenceAsync("bmc", Fence(read.Task), joinerLog, CancellationToken.None);

        read.SetResult();
        await Task.WhenAll(first, joiner);

        Assert.Equal(1, _runs);
        Assert.Equal([ChassisFences.JoinedPrefix + "power off", ChassisFences.JoinedPrefix + "power status"], joinerLog.Lines);
    }

    [Fact]
    public async Task A_request_that_joins_after_the_chassis_was_read_as_off_fences_it_again()
    {
        using var fences = new ChassisFences(_time);
        var read = new TaskCompletionSource();
        var first = fences.FenceAsync("bmc", Fence(read.Task, readAhead: true), new CommandLog(), CancellationToken.None);
        await Eventually(() => _runs == 1);
        _time.Advance(TimeSpan.FromSeconds(1));
        var joiner = fences.FenceAsync("bmc", Fence(Task.CompletedTask), new CommandLog(), CancellationToken.None);

        read.SetResult();
        await Task.WhenAll(first, joiner);

        Assert.Equal(2, _runs);
    }

    [Fact]
    public async Task Fences_of_different_bmcs_do_not_wait_for_each_other()
    {
        using var fences = new ChassisFences(_time);
        var never = new TaskCompletionSource();
        var stuck = fences.FenceAsync("bmc-a", Fence(never.Task), new CommandLog(), CancellationToken.None);

        await fences.FenceAsync("bmc-b", Fence(Task.CompletedTask), new CommandLog(), CancellationToken.None);

        Assert.False(stuck.IsCompleted);
        Assert.Equal(2, _runs);
    }

    [Fact]
    public async Task A_failed_fence_fails_every_request_that_joined_it()
    {
        using var fences = new ChassisFences(_time);
        var failure = new TaskCompletionSource();
        var first = fences.FenceAsync("bmc", Fence(failure.Task), new CommandLog(), CancellationToken.None);
        var joiner = fences.FenceAsync("bmc", Fence(failure.Task), new CommandLog(), CancellationToken.None);

        failure.SetException(new InvalidOperationException("BMC bmc: power off failed"));

        Assert.Equal("BMC bmc: power off failed", (await Assert.ThrowsAsync<InvalidOperationException>(() => first)).Message);
        Assert.Equal("BMC bmc: power off failed", (await Assert.ThrowsAsync<InvalidOperationException>(() => joiner)).Message);
        Assert.Equal(1, _runs);
    }

    /// <summary>A fence that logs its two calls and reads the chassis as off when <paramref name="done"/> completes (or, with <paramref name="readAhead"/>, at its start).</summary>
    private Func<CommandLog, CancellationToken, Task<DateTimeOffset>> Fence(Task done, bool readAhead = false) => async (log, _) =>
    {
        var readAt = _time.GetUtcNow();
        log.Add("power off");
        Interlocked.Increment(ref _runs);
        await done;
        log.Add("power status");
        return readAhead ? readAt : _time.GetUtcNow();
    };

    private static async Task Eventually(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++) await Task.Delay(10);
        Assert.True(condition());
    }
}
