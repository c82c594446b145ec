using ThreeRC.HypervisorExecutor.Commands;

namespace ThreeRC.HypervisorExecutor.Ssh;

/// <summary>
/// Runs one command on one machine. The real one speaks SSH (pinned host keys, key authentication, one reusable
/// connection per login, bounded concurrency per host); a simulated data centre can answer instead.
/// </summary>
public interface ISshCommandRunner
{
    /// <exception cref="CommandUnansweredException">The command was sent, then timed out, lost its connection or was abandoned: it may have run.</exception>
    /// <exception cref="RemoteCommandException">No connection could be made: the command was not sent.</exception>
    /// <exception cref="CommandAbandonedException">The caller gave up after the command was sent: it may have run.</exception>
    /// <exception cref="OperationCanceledException">The caller gave up before the command was sent.</exception>
    Task<CommandOutput> RunAsync(SshTarget target, RemoteCommand command, CancellationToken cancellationToken);

    /// <summary>Closes the reusable connection to <paramref name="target"/>, if one is open.</summary>
    void Disconnect(SshTarget target);
}
