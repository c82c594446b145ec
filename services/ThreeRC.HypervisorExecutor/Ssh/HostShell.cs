using Microsoft.Extensions.Logging;
using ThreeRC.HypervisorExecutor.Commands;

namespace ThreeRC.HypervisorExecutor.Ssh;

/// <summary>One machine's shell for one action: every command is logged and recorded as <c>user@host: command</c>.</summary>
public sealed class HostShell(ISshCommandRunner runner, SshTarget target, CommandLog log, ILogger logger)
{
    public SshTarget Target => target;

    public Task<CommandOutput> RunAsync(RemoteCommand command, CancellationToken cancellationToken)
    {
        log.Add($"{target}: {command}");
        logger.LogInformation("Running {Target}: {Command}", target, command);
        return runner.RunAsync(target, command, cancellationToken);
    }

    /// <exception cref="RemoteCommandException">The command did not exit with status 0.</exception>
    public async Task<CommandOutput> RunCheckedAsync(RemoteCommand command, CancellationToken cancellationToken)
    {
        var output = await RunAsync(command, cancellationToken);
        return output.Succeeded ? output : throw Failed(command, output);
    }

    public RemoteCommandException Failed(RemoteCommand command, CommandOutput output) =>
        new($"{target}: {command} failed with {output.Summary}");

    public override string ToString() => target.ToString();
}
