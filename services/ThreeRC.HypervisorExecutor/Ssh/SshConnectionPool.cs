using System.Collections.Concurrent;
using Renci.SshNet;

namespace ThreeRC.HypervisorExecutor.Ssh;

/// <summary>
/// One reusable SSH connection per login, opened on first use, or warmed before it, and replaced when it is found
/// dead.
/// </summary>
internal sealed class SshConnectionPool(SshConnector connector, TimeProvider time) : IDisposable
{
    private readonly ConcurrentDictionary<SshTarget, PooledConnection> _connections = new();

    /// <summary>The open connection to <paramref name="target"/>, and whether it was open before this call.</summary>
    public async Task<(SshClient Client, bool Reused)> GetAsync(SshTarget target, CancellationToken cancellationToken)
    {
        var pooled = _connections.GetOrAdd(target, _ => new PooledConnection());
        await pooled.Lock.WaitAsync(cancellationToken);
        try
        {
            pooled.Taken = true;
            if (pooled.Client is { IsConnected: true } open) return (open, true);
            pooled.Client?.Dispose();
            pooled.Client = null;
            return (pooled.Client = await connector.ConnectAsync(target, cancellationToken), false);
        }
        finally
        {
            pooled.Lock.Release();
        }
    }

    /// <summary>
    /// Opens the connection to <paramref name="target"/> before a command asks for it, in one attempt of at most
    /// <paramref name="within"/>; a command that comes meanwhile waits for it instead of opening a second one. A warmed
    /// connection that no command took within <paramref name="unusedFor"/> is closed. Throws what the attempt met.
    /// </summary>
    public async Task WarmAsync(SshTarget target, TimeSpan within, TimeSpan unusedFor, CancellationToken cancellationToken)
    {
        var pooled = _connections.GetOrAdd(target, _ => new PooledConnection());
        await pooled.Lock.WaitAsync(cancellationToken);
        try
        {
            if (pooled.Client is { IsConnected: true }) return;
            pooled.Client?.Dispose();
            pooled.Client = null;
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attempt.CancelAfter(within);
            pooled.Client = await connector.ConnectAsync(target, attempt.Token, attempts: 1);
            pooled.Taken = false;
            _ = CloseIfUnusedAsync(pooled, pooled.Client, unusedFor);
        }
        finally
        {
            pooled.Lock.Release();
        }
    }

    /// <summary>Closes the connection to <paramref name="target"/>, or only <paramref name="broken"/> when given and still pooled.</summary>
    public void Evict(SshTarget target, SshClient? broken = null)
    {
        if (_connections.TryGetValue(target, out var pooled)) Close(pooled, broken);
    }

    public void Dispose()
    {
        foreach (var pooled in _connections.Values) pooled.Client?.Dispose();
        _connections.Clear();
    }

    private async Task CloseIfUnusedAsync(PooledConnection pooled, SshClient warmed, TimeSpan unusedFor)
    {
        await Task.Delay(unusedFor, time);
        await pooled.Lock.WaitAsync();
        try
        {
            if (!pooled.Taken) Close(pooled, warmed);
        }
        finally
        {
            pooled.Lock.Release();
        }
    }

    private static void Close(PooledConnection pooled, SshClient? only)
    {
        var client = pooled.Client;
        if (client is null || (only is not null && client != only)) return;
        if (Interlocked.CompareExchange(ref pooled.Client, null, client) == client) client.Dispose();
    }

    private sealed class PooledConnection
    {
        public readonly SemaphoreSlim Lock = new(1, 1);
        public SshClient? Client;

        /// <summary>Whether a command has taken the connection since it was warmed.</summary>
        public bool Taken;
    }
}
