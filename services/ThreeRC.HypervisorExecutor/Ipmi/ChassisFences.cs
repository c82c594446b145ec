using ThreeRC.HypervisorExecutor.Commands;

namespace ThreeRC.HypervisorExecutor.Ipmi;

/// <summary>
/// At most one fence at a time per BMC. A lost host's VMs all ask to fence it at the same moment, and a BMC serves
/// only a few sessions at once: a fence asked for while another of the same chassis is under way joins it. The
/// joined fence counts only if the chassis was read as off after the join; otherwise the chassis is fenced anew, so
/// a joiner is never satisfied by what the BMC said before it asked.
/// </summary>
internal sealed class ChassisFences(TimeProvider time) : IDisposable
{
    public const string JoinedPrefix = "(joined the fence under way) ";

    private readonly Dictionary<string, Fence> _underWay = [];
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>
    /// Runs <paramref name="fence"/> (which returns when it read the chassis as off) for the BMC, or joins the one
    /// under way; the commands that fenced it go into <paramref name="log"/>, marked when another request ran them.
    /// </summary>
    public async Task FenceAsync(string bmc, Func<CommandLog, CancellationToken, Task<DateTimeOffset>> fence, CommandLog log, CancellationToken cancellationToken)
    {
        var askedAt = time.GetUtcNow();
        while (true)
        {
            var (underWay, joined) = StartOrJoin(bmc, fence);
            DateTimeOffset readOffAt;
            try
            {
                readOffAt = await underWay.Task.WaitAsync(cancellationToken);
            }
            finally
            {
                foreach (var line in underWay.Log.Lines) log.Add(joined ? JoinedPrefix + line : line);
            }

            if (readOffAt >= askedAt) return;
        }
    }

    private (Fence Fence, bool Joined) StartOrJoin(string bmc, Func<CommandLog, CancellationToken, Task<DateTimeOffset>> fence)
    {
        lock (_underWay)
        {
            if (_underWay.TryGetValue(bmc, out var underWay)) return (underWay, true);
            var log = new CommandLog();
            var started = new Fence(log, Task.Run(() => RunAsync(bmc, fence, log)));
            _underWay[bmc] = started;
            return (started, false);
        }
    }

    private async Task<DateTimeOffset> RunAsync(string bmc, Func<CommandLog, CancellationToken, Task<DateTimeOffset>> fence, CommandLog log)
    {
        try
        {
            // Not the first requester's token: the others wait for this fence too. Its own time limits bound it.
            return await fence(log, _stopping.Token);
        }
        finally
        {
            lock (_underWay) _underWay.Remove(bmc);
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private sealed record Fence(CommandLog Log, Task<DateTimeOffset> Task);
}
