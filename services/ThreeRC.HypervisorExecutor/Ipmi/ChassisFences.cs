using ThreeRC.HypervisorExecutor.Commands;
using ThreeRC.Inventory.Model;

namespace ThreeRC.HypervisorExecutor.Ipmi;

/// <summary>
/// At most one fence at a time per BMC. A lost host's VMs all ask to fence it at the same moment, and a BMC serves
/// only a few sessions at once: a fence asked for while another of the same chassis is under way joins it. The
/// joined fence counts only if the power status that said off was asked after the join; otherwise the request waits
/// for (or runs) a newer fence, so no request is satisfied by what the BMC said before it asked. "After" is the order
/// of <see cref="Stamp"/>, a counter, not the wall clock, which may be set back.
/// </summary>
internal sealed class ChassisFences : IDisposable
{
    public const string JoinedPrefix = "(joined the fence under way) ";

    private readonly Dictionary<IpmiSettings, Fence> _underWay = [];
    private readonly CancellationTokenSource _stopping = new();
    private long _stamps;

    /// <summary>A mark in the order of requests and status calls: call it just before asking the power status.</summary>
    public long Stamp() => Interlocked.Increment(ref _stamps);

    /// <summary>
    /// Runs <paramref name="fence"/> (which returns the <see cref="Stamp"/> of the status call that said off) for the
    /// BMC, or joins the one under way; the commands of every fence waited for go into <paramref name="log"/>, those
    /// another request ran marked as joined.
    /// </summary>
    public async Task FenceAsync(IpmiSettings bmc, Func<CommandLog, CancellationToken, Task<long>> fence, CommandLog log, CancellationToken cancellationToken)
    {
        var asked = Stamp();
        while (true)
        {
            var (underWay, joined) = StartOrJoin(bmc, fence);
            long readOff;
            try
            {
                readOff = await underWay.Task.WaitAsync(cancellationToken);
            }
            finally
            {
                log.Append(underWay.Log, joined ? JoinedPrefix : "");
            }

            // A fence started after this request can only read later; so this loop runs at most twice.
            if (readOff > asked) return;
        }
    }

    private (Fence Fence, bool Joined) StartOrJoin(IpmiSettings bmc, Func<CommandLog, CancellationToken, Task<long>> fence)
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

    private async Task<long> RunAsync(IpmiSettings bmc, Func<CommandLog, CancellationToken, Task<long>> fence, CommandLog log)
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

    public void Dispose() => _stopping.Cancel();

    private sealed record Fence(CommandLog Log, Task<long> Task);
}
