using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Logging;
using ThreeRC.HypervisorExecutor.Ssh;

namespace ThreeRC.HypervisorExecutor.Persistence;

/// <summary>
/// Limits that hold across every executor instance sharing the store: a resource (a host's SSH, a BMC) has a number of
/// places, and an executor takes one, in the database, before it talks to it. A place is released when done, and
/// lapses after its hold, so an executor that died holding one blocks the others for no longer than that.
/// </summary>
internal sealed class InstanceLeases(LeaseDatabase database, TimeProvider time, ILogger<InstanceLeases> logger)
{
    private const string Take = """
        INSERT INTO leases (resource, slot, holder, expires_at) VALUES (@resource, @slot, @holder, @expires)
        ON CONFLICT (resource, slot) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
        WHERE leases.expires_at < @now
        """;

    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(1);
    private readonly string _holder = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>
    /// Takes one of the <paramref name="places"/> of <paramref name="resource"/> for at most <paramref name="hold"/>,
    /// waiting while all are taken; after waiting as long as a hold (every other holder's has lapsed by then, or the
    /// store does not answer) it gives up with a <see cref="RemoteCommandException"/>: nothing was sent.
    /// </summary>
    public async Task<Lease> TakeAsync(string resource, int places, TimeSpan hold, CancellationToken cancellationToken)
    {
        var giveUpAt = time.GetUtcNow() + hold;
        var pause = TimeSpan.FromMilliseconds(20);
        string? problem = null;
        while (true)
        {
            try
            {
                if (await TryTakeAsync(resource, places, hold, cancellationToken) is { } slot) return new Lease(this, resource, slot);
                problem = $"its {places} place(s) stayed taken by other executor instances";
            }
            catch (DbException e)
            {
                problem = $"the lease store did not answer ({e.Message})";
                logger.LogWarning("Taking a place at {Resource}: {Problem}; trying again", resource, problem);
            }

            if (time.GetUtcNow() >= giveUpAt)
                throw new RemoteCommandException($"{resource}: no place within {hold.TotalSeconds:0.###} s: {problem}; nothing was sent");
            await Task.Delay(pause, time, cancellationToken);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPause.Ticks));
        }
    }

    private Task<int?> TryTakeAsync(string resource, int places, TimeSpan hold, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var now = time.GetUtcNow();
            var expires = (now + hold).ToUnixTimeMilliseconds();
            for (var slot = 0; slot < places; slot++)
            {
                var taken = await connection.ExecuteAsync(new CommandDefinition(Take,
                    new { resource, slot, holder = _holder, expires, now = now.ToUnixTimeMilliseconds() }, transaction, cancellationToken: cancellationToken));
                if (taken == 1) return (int?)slot;
            }

            return null;
        }, cancellationToken);

    private async Task ReleaseAsync(string resource, int slot)
    {
        try
        {
            await database.WriteAsync((connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM leases WHERE resource = @resource AND slot = @slot AND holder = @holder",
                new { resource, slot, holder = _holder }, transaction)));
        }
        catch (DbException e)
        {
            logger.LogWarning("Releasing place {Slot} at {Resource} failed ({Message}): it lapses at the end of its hold", slot, resource, e.Message);
        }
    }

    /// <summary>A place taken; disposing it gives it back.</summary>
    public sealed class Lease(InstanceLeases leases, string resource, int slot) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => new(leases.ReleaseAsync(resource, slot));
    }
}
