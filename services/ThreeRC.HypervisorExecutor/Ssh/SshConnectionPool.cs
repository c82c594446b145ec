using System.Collections.Concurrent;
using Renci.SshNet;

namespace ThreeRC.HypervisorExecutor.Ssh;

/// <summary>One reusable SSH connection per login, opened on first use and replaced when it is found dead.</summary>
internal sealed class SshConnectionPool(SshConnector connector) : IDisposable
{
    private readonly ConcurrentDictionary<SshTarget, PooledConnection> _connections = new();

    /// <summary>The open connection to <paramref name="target"/>, and whether it was open before this call.</summary>
    public async Task<(SshClient Client, bool Reused)> GetAsync(SshTarget target, CancellationToken cancellationToken)
    {
        var pooled = _connections.GetOrAdd(target, _ => new PooledConnection());
        await pooled.Lock.WaitAsync(cancellationToken);
        try
        {
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

    /// <summary>Closes the connection to <paramref name="target"/>, or only <paramref name="broken"/> when given and still pooled.</summary>
    public void Evict(SshTarget target, SshClient? broken = null)
    {
        if (!_connections.TryGetValue(target, out var pooled)) return;
        var client = pooled.Client;
        if (client is null || (broken is not null && client != broken)) return;
        if (Interlocked.CompareExchange(ref pooled.Client, null, client) == client) client.Dispose();
    }

    public void Dispose()
    {
        foreach (var pooled in _connections.Values) pooled.Client?.Dispose();
        _connections.Clear();
    }

    private sealed class PooledConnection
    {
        public readonly SemaphoreSlim Lock = new(1, 1);
        public SshClient? Client;
    }
}
