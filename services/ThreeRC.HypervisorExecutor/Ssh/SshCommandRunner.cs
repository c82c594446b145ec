using System.Collections.Concurrent;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Renci.SshNet;
using Renci.SshNet.Common;
using ThreeRC.HypervisorExecutor.Commands;
using ThreeRC.HypervisorExecutor.Options;
using ThreeRC.HypervisorExecutor.Persistence;

namespace ThreeRC.HypervisorExecutor.Ssh;

/// <summary>
/// Runs commands over SSH.NET: pooled connections, at most MaxConcurrencyPerHost at once per host (in this process,
/// then across the executor instances sharing the store, <see cref="InstanceLeases"/>), each within CommandTimeout. A
/// query that finds its reused connection closed is asked once more on a new connection; any other command is not
/// repeated, since it may have run. Once a command is on its way, a timeout or a lost connection is a
/// <see cref="CommandUnansweredException"/> and the caller giving up a <see cref="CommandAbandonedException"/>; before
/// that, no connection is a <see cref="RemoteCommandException"/> and the caller giving up an <see cref="OperationCanceledException"/>.
/// </summary>
internal sealed class SshCommandRunner(SshConnectionPool pool, InstanceLeases leases, IOptions<ExecutorOptions> options)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _hostGates = new();

    public async Task<CommandOutput> RunAsync(SshTarget target, RemoteCommand command, CancellationToken cancellationToken)
    {
        var ssh = options.Value.Ssh;
        var gate = _hostGates.GetOrAdd(target.Host, _ => new SemaphoreSlim(ssh.MaxConcurrencyPerHost));
        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var place = await leases.TakeAsync($"ssh:{target.Host}", ssh.MaxConcurrencyPerHost, LongestUse(ssh), cancellationToken);
            var (client, reused) = await pool.GetAsync(target, cancellationToken);
            try
            {
                return await ExecuteAsync(client, target, command, cancellationToken);
            }
            catch (ConnectionLostException) when (reused && command.OnlyReads)
            {
                // The host closed the idle connection (sshd restarted, host rebooted): a query may be asked again on a new one.
                var (fresh, _) = await pool.GetAsync(target, cancellationToken);
                return await ExecuteAsync(fresh, target, command, cancellationToken);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    public void Disconnect(SshTarget target) => pool.Evict(target);

    /// <summary>How long one command may keep its place at the host: every connection attempt, then the command (twice for a query asked again).</summary>
    private static TimeSpan LongestUse(SshOptions ssh) => (ssh.ConnectTimeout + ssh.RetryDelay) * ssh.ConnectAttempts + ssh.CommandTimeout * 2;

    private async Task<CommandOutput> ExecuteAsync(SshClient client, SshTarget target, RemoteCommand command, CancellationToken cancellationToken)
    {
        var limit = options.Value.Ssh.CommandTimeout;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        try
        {
            using var ssh = client.CreateCommand(command.Text);
            await ssh.ExecuteAsync(timeout.Token);
            if (ssh.ExitStatus is null && ssh.ExitSignal is null)
                throw new SshConnectionException("the channel closed without an exit status");
            return new CommandOutput(ssh.ExitStatus, ssh.ExitSignal, ssh.Result, ssh.Error);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CommandUnansweredException($"{target}: {command} did not finish within {limit.TotalSeconds:0.###} s", e);
        }
        catch (OperationCanceledException e)
        {
            throw new CommandAbandonedException($"{target}: {command} was abandoned before it finished", e, cancellationToken);
        }
        // SSH.NET may also throw NullReferenceException when the host closes the session under a call (its session is
        // torn down while a channel opens: sshnet/SSH.NET#80); seen here once after the host dropped its sessions.
        catch (Exception e) when (e is SshException or SocketException or ObjectDisposedException or InvalidOperationException or NullReferenceException)
        {
            pool.Evict(target, client);
            throw new ConnectionLostException($"{target}: the connection was lost while running {command}: {e.Message}", e);
        }
    }
}
