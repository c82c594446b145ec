using Microsoft.Extensions.Logging;
using ThreeRC.HypervisorExecutor.Commands;

namespace ThreeRC.HypervisorExecutor.Ssh;

/// <summary>
/// One machine's shell for one action: every command is logged and recorded as <c>user@host: command</c>, with what
/// came back from it (<see cref="CommandAnswer"/>).
/// </summary>
public sealed class HostShell(ISshCommandRunner runner, SshTarget target, CommandLog log, ILogger logger)
{
    public SshTarget Target => target;

    public async Task<CommandOutput> RunAsync(RemoteCommand command, CancellationToken cancellationToken)
    {
        var sent = log.Add($"{target}: {command}", changesState: !command.ReadsOnly);
        logger.LogInformation("Running {Target}: {Command}", target, command);
        try
        {
            var output = await runner.RunAsync(target, command, cancellationToken);
            sent.Answer = output.Succeeded ? CommandAnswer.Succeeded : output.ExitStatus is null ? CommandAnswer.Unclear : CommandAnswer.Refused;
            return output;
        }
        catch (Exception e) when (e is OperationCanceledException and not CommandAbandonedException or RemoteCommandException and not CommandUnansweredException)
        {
            sent.Answer = CommandAnswer.NotSent;
            throw;
        }
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
