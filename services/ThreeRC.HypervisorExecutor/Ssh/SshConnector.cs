using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Renci.SshNet;
using ConnectionInfo = Renci.SshNet.ConnectionInfo;
using Renci.SshNet.Common;
using Renci.SshNet.Messages.Transport;
using ThreeRC.HypervisorExecutor.Options;

namespace ThreeRC.HypervisorExecutor.Ssh;

/// <summary>
/// Opens SSH connections with key authentication and pinned host keys; retries, with a doubling delay, only
/// faults that may pass (timed out, reset or dropped during the handshake). A refused connection or an unreachable
/// address fails at once: a silent guest whose SSH port refuses is not worth seconds of retries before its restart.
/// </summary>
internal sealed class SshConnector(IOptions<ExecutorOptions> options, TimeProvider time, ILogger<SshConnector> logger)
{
    private SshOptions Settings => options.Value.Ssh;

    public async Task<SshClient> ConnectAsync(SshTarget target, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ConnectOnceAsync(target, cancellationToken);
            }
            catch (TransientConnectException e) when (attempt < Settings.ConnectAttempts)
            {
                var delay = Settings.RetryDelay * Math.Pow(2, attempt - 1);
                logger.LogWarning("Connecting to {Target} failed (attempt {Attempt} of {Attempts}), retrying in {Delay}: {Reason}",
                    target, attempt, Settings.ConnectAttempts, delay, e.Message);
                await Task.Delay(delay, time, cancellationToken);
            }
            catch (TransientConnectException e)
            {
                throw new RemoteCommandException($"{e.Message} (after {attempt} attempts)", e.InnerException);
            }
        }
    }

    private async Task<SshClient> ConnectOnceAsync(SshTarget target, CancellationToken cancellationToken)
    {
        var knownHosts = LoadKnownHosts();
        var info = new ConnectionInfo(target.Address, target.Port, target.User, new PrivateKeyAuthenticationMethod(target.User, LoadKey(target)))
        {
            Timeout = Settings.ConnectTimeout,
        };
        OfferOnlyPinnedKeyTypes(info, knownHosts.KeyTypesFor(target.KnownHostsName));
        KeyExchanges.OfferOnly(info, Settings.KeyExchangeAlgorithms);
        var client = new SshClient(info) { KeepAliveInterval = Settings.KeepAliveInterval };
        var refusal = (string?)null;
        client.HostKeyReceived += (_, e) =>
        {
            var verdict = knownHosts.Check(target.KnownHostsName, e.HostKey);
            e.CanTrust = verdict == HostKeyVerdict.Trusted;
            if (!e.CanTrust) refusal = HostKeyRefusal.Describe(verdict, target, $"{e.HostKeyName} SHA256:{e.FingerPrintSHA256}", knownHosts.Path);
        };

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Settings.ConnectTimeout);
        try
        {
            await client.ConnectAsync(timeout.Token);
            logger.LogInformation("Connected to {Target}", target);
            return client;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            client.Dispose();
            throw Classify(e, target, refusal);
        }
    }

    private Exception Classify(Exception e, SshTarget target, string? refusal) => e switch
    {
        _ when refusal is not null => new RemoteCommandException(refusal, e),
        SshAuthenticationException => new RemoteCommandException($"{target}: the server refused the key {target.KeyFile} ({e.Message})", e),
        OperationCanceledException or SshOperationTimeoutException =>
            new TransientConnectException($"{target}: no SSH connection within {Settings.ConnectTimeout.TotalSeconds:0.###} s", e),
        SocketException { SocketErrorCode: SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.TimedOut } =>
            new TransientConnectException($"{target}: cannot connect: {e.Message}", e),
        SocketException => new RemoteCommandException($"{target}: cannot connect: {e.Message}", e),
        SshConnectionException { DisconnectReason: DisconnectReason.ConnectionLost or DisconnectReason.None } =>
            new TransientConnectException($"{target}: the connection dropped during the SSH handshake: {e.Message}", e),
        _ => new RemoteCommandException($"{target}: cannot open an SSH session: {e.Message}", e),
    };

    private KnownHostsFile LoadKnownHosts()
    {
        var path = Settings.KnownHostsFile ?? throw new RemoteCommandException("Executor:Ssh:KnownHostsFile is not set: no host key can be trusted");
        try
        {
            return KnownHostsFile.Load(path);
        }
        catch (IOException e)
        {
            throw new RemoteCommandException($"cannot read the known_hosts file {path}: {e.Message}", e);
        }
    }

    private static PrivateKeyFile LoadKey(SshTarget target)
    {
        if (target.KeyFile is null)
            throw new RemoteCommandException($"{target}: no SSH key: set ssh.keyFile in the inventory or Executor:Ssh:DefaultKeyFile");
        try
        {
            return new PrivateKeyFile(target.KeyFile);
        }
        catch (Exception e) when (e is IOException or SshException or UnauthorizedAccessException or ArgumentException)
        {
            throw new RemoteCommandException($"{target}: cannot read the SSH key {target.KeyFile}: {e.Message}", e);
        }
    }

    /// <summary>Negotiating only the pinned key types makes the host show the key we can check, not another one it also has.</summary>
    private static void OfferOnlyPinnedKeyTypes(ConnectionInfo info, IReadOnlySet<string> pinnedTypes)
    {
        if (pinnedTypes.Count == 0) return;
        foreach (var algorithm in info.HostKeyAlgorithms.Keys.ToList())
            if (!pinnedTypes.Contains(HostKeyRefusal.KeyTypeOf(algorithm))) info.HostKeyAlgorithms.Remove(algorithm);
    }

    private sealed class TransientConnectException(string message, Exception inner) : Exception(message, inner);
}
