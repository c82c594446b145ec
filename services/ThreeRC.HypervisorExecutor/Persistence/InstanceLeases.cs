using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Logging;
using ThreeRC.HypervisorExecutor.Ssh;

namespace ThreeRC.HypervisorExecutor.Persistence;

/// <summary>
/// Limits that hold across every executor instance sharing the store: a resource (a host's SSH, a BMC) has a number of
/// places, and an executor takes one, in the database, before it talks to it. A place is taken for a short term that
/// its holder renews while it works, and released when done: an executor that died holding one (kill -9, a lost
/// node) blocks the others for no longer than a term, however long its work could have lasted.
/// </summary>
internal sealed class InstanceLeases(LeaseDatabase database, TimeProvider time, ILogger<InstanceLeases> logger, TimeSpan? term = null) : IDisposable
{
    private const string Take = """
        INSERT INTO leases (resource, slot, holder, expires_at) VALUES (@resource, @slot, @holder, @expires)
        ON CONFLICT (resource, slot) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
        WHERE leases.expires_at < @now
        """;

    private const string Renew = "UPDATE leases SET expires_at = @expires WHERE resource = @resource AND slot = @slot AND holder = @holder";

    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(1);
    private readonly TimeSpan _term = term ?? TimeSpan.FromSeconds(10);
    private readonly string _holder = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private readonly CancellationTokenSource _stopped = new();

    /// <summary>
    /// Takes one of the <paramref name="places"/> of <paramref name="resource"/>, waiting while all are taken; after
    /// waiting <paramref name="patience"/> (the longest a living holder keeps one, or the store does not answer) it
    /// gives up with a <see cref="RemoteCommandException"/>: nothing was sent. The place is renewed until the lease is disposed.
    /// </summary>
    public async Task<Lease> TakeAsync(string resource, int places, TimeSpan patience, CancellationToken cancellationToken)
    {
        var giveUpAt = time.GetUtcNow() + patience;
        var pause = TimeSpan.FromMilliseconds(20);
        string? problem = null;
        while (true)
        {
            try
            {
                if (await TryTakeAsync(resource, places, cancellationToken) is { } slot) return new Lease(this, resource, slot);
                problem = $"its {places} place(s) stayed taken by other executor instances";
            }
            catch (DbException e)
            {
                problem = $"the lease store did not answer ({e.Message})";
                logger.LogWarning("Taking a place at {Resource}: {Problem}; trying again", resource, problem);
            }

            if (time.GetUtcNow() >= giveUpAt)
                throw new RemoteCommandException($"{resource}: no place within {patience.TotalSeconds:0.###} s: {problem}; nothing was sent");
            await Task.Delay(pause, time, cancellationToken);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPause.Ticks));
        }
    }

    /// <summary>Stops renewing every place, as the end of the process does: what is held lapses at the end of its term.</summary>
    public void Dispose() => _stopped.Cancel();

    private Task<int?> TryTakeAsync(string resource, int places, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var now = time.GetUtcNow();
            var expires = (now + _term).ToUnixTimeMilliseconds();
            for (var slot = 0; slot < places; slot++)
            {
                var taken = await connection.ExecuteAsync(new CommandDefinition(Take,
                    new { resource, slot, holder = _holder, expires, now = now.ToUnixTimeMilliseconds() }, transaction, cancellationToken: cancellationToken));
                if (taken == 1) return (int?)slot;
            }

            return null;
        }, cancellationToken);

    /// <summary>Extends the place's term every third of it until <paramref name="released"/> or this process stops.</summary>
    private async Task RenewWhileHeldAsync(string resource, int slot, CancellationToken released)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(released, _stopped.Token);
        try
        {
            while (true)
            {
                await Task.Delay(_term / 3, time, either.Token);
                try
                {
                    var expires = (time.GetUtcNow() + _term).ToUnixTimeMilliseconds();
                    var renewed = await database.WriteRowsAsync((connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
                        Renew, new { resource, slot, holder = _holder, expires }, transaction, cancellationToken: either.Token)), either.Token);
                    if (renewed == 0)
                        logger.LogWarning("Place {Slot} at {Resource} lapsed before it was renewed: another executor instance may use it beside this one", slot, resource);
                }
                catch (DbException e)
                {
                    logger.LogWarning("Renewing place {Slot} at {Resource} failed ({Message}); it lapses within {Term} s unless a renewal succeeds",
                        slot, resource, e.Message, _term.TotalSeconds);
                }
            }
        }
        catch (OperationCanceledException) when (either.IsCancellationRequested)
        {
        }
    }

    private async Task ReleaseAsync(string resource, int slot)
    {
        try
        {
            await database.WriteRowsAsync((connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM leases WHERE resource = @resource AND slot = @slot AND holder = @holder",
                new { resource, slot, holder = _holder }, transaction)));
        }
        catch (DbException e)
        {
            logger.LogWarning("Releasing place {Slot} at {Resource} failed ({Message}): it lapses at the end of its term", slot, resource, e.Message);
        }
    }

    /// <summary>A place taken, renewed while it is held; disposing it gives it back.</summary>
    public sealed class Lease : IAsyncDisposable
    {
        private readonly InstanceLeases _leases;
        private readonly string _resource;
        private readonly int _slot;
        private readonly CancellationTokenSource _released = new();
        private readonly Task _renewing;

        internal Lease(InstanceLeases leases, string resource, int slot)
        {
            (_leases, _resource, _slot) = (leases, resource, slot);
            _renewing = leases.RenewWhileHeldAsync(resource, slot, _released.Token);
        }

        public async ValueTask DisposeAsync()
        {
            await _released.CancelAsync();
            await _renewing;
            _released.Dispose();
            await _leases.ReleaseAsync(_resource, _slot);
        }
    }
}
