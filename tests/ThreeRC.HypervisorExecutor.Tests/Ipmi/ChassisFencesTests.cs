using ThreeRC.HypervisorExecutor.Commands;
using ThreeRC.HypervisorExecutor.Ipmi;
using ThreeRC.Inventory.Model;

namespace ThreeRC.HypervisorExecutor.Tests.Ipmi;

/// <summary>When a fence may count for a request that joined it, with the BMC played by the test.</summary>
public sealed class ChassisFencesTests : IDisposable
{
    private static readonly IpmiSettings Bmc = new("10.0.0.11", 623, "lanplus", "admin", "/etc/threerc/ipmi/alfa01", null);
    private readonly ChassisFences _fences = new();
    private int _runs;

    [Fact]
    public async Task A_request_that_joins_before_the_power_status_is_asked_is_satisfied_by_its_answer()
    {
        var statusMayBeAsked = new TaskCompletionSource();
        var first = _fences.FenceAsync(Bmc, Fence(before: statusMayBeAsked.Task), new CommandLog(), CancellationToken.None);
        var joinerLog = new CommandLog();
        var joiner = _fences.FenceAsync(Bmc, Fence(), joinerLog, CancellationToken.None);

        statusMayBeAsked.SetResult();
        await Task.WhenAll(first, joiner);

        Assert.Equal(1, _runs);
        Assert.Equal([ChassisFences.JoinedPrefix + "power off", ChassisFences.JoinedPrefix + "power status"], joinerLog.Lines);
    }

    [Fact]
    public async Task A_request_that_joins_after_the_power_status_was_asked_fences_the_chassis_again()
    {
        var statusAsked = new TaskCompletionSource();
        var answer = new TaskCompletionSource();
        var first = _fences.FenceAsync(Bmc, Fence(asked: statusAsked, after: answer.Task), new CommandLog(), CancellationToken.None);
        await statusAsked.Task;
        var joinerLog = new CommandLog();
        var joiner = _fences.FenceAsync(Bmc, Fence(), joinerLog, CancellationToken.None);

        answer.SetResult();
        await Task.WhenAll(first, joiner);

        Assert.Equal(2, _runs);
        Assert.Equal([ChassisFences.JoinedPrefix + "power off", ChassisFences.JoinedPrefix + "power status", "power off", "power status"], joinerLog.Lines);
    }

    [Fact]
    public async Task Fences_of_different_bmcs_do_not_wait_for_each_other()
    {
        var never = new TaskCompletionSource();
        var stuck = _fences.FenceAsync(Bmc, Fence(before: never.Task), new CommandLog(), CancellationToken.None);

        await _fences.FenceAsync(Bmc with { Address = "10.0.0.12" }, Fence(), new CommandLog(), CancellationToken.None);

        Assert.False(stuck.IsCompleted);
    }

    [Fact]
    public async Task A_failed_fence_fails_every_request_that_joined_it()
    {
        var failure = new TaskCompletionSource();
        var first = _fences.FenceAsync(Bmc, Fence(before: failure.Task), new CommandLog(), CancellationToken.None);
        var joiner = _fences.FenceAsync(Bmc, Fence(), new CommandLog(), CancellationToken.None);

        failure.SetException(new InvalidOperationException("BMC 10.0.0.11: power off failed"));

        Assert.Equal("BMC 10.0.0.11: power off failed", (await Assert.ThrowsAsync<InvalidOperationException>(() => first)).Message);
        Assert.Equal("BMC 10.0.0.11: power off failed", (await Assert.ThrowsAsync<InvalidOperationException>(() => joiner)).Message);
        Assert.Equal(1, _runs);
    }

    public void Dispose() => _fences.Dispose();

    /// <summary>
    /// A fence that logs its power off, waits for <paramref name="before"/>, stamps and logs its status call (telling
    /// <paramref name="asked"/>), then waits for <paramref name="after"/> and reports the chassis off.
    /// </summary>
    private Func<CommandLog, CancellationToken, Task<long>> Fence(Task? before = null, TaskCompletionSource? asked = null, Task? after = null) =>
        async (log, _) =>
        {
            Interlocked.Increment(ref _runs);
            log.Add("power off", changesState: true).Answer = CommandAnswer.Succeeded;
            await (before ?? Task.CompletedTask);
            var stamp = _fences.Stamp();
            log.Add("power status", changesState: false).Answer = CommandAnswer.Succeeded;
            asked?.SetResult();
            await (after ?? Task.CompletedTask);
            return stamp;
        };
}
