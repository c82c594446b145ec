using Microsoft.Extensions.Logging;
using ThreeRC.HypervisorExecutor.Commands;

namespace ThreeRC.HypervisorExecutor.Ssh;

/// <summary>
/// One machine's shell for one action: every command, and every step of a round trip, is logged and recorded as
/// <c>user@host: command</c>, with what came back from it (<see cref="CommandAnswer"/>).
/// </summary>
internal sealed class HostShell(SshCommandRunner runner, SshTarget target, CommandLog log, ILogger logger)
{
    public SshTarget Target => target;

    public async Task<CommandOutput> RunAsync(RemoteCommand command, CancellationToken cancellationToken)
    {
        var sent = command.Steps.Select(step => log.Add($"{target}: {step}", changesState: !step.ReadsOnly)).ToList();
        logger.LogInformation("Running {Target}: {Command}", target, command);
        try
        {
            var output = await runner.RunAsync(target, command, cancellationToken);
            var failed = command.FailedStep(output.ExitStatus) ?? sent.Count;
            for (var step = 0; step < sent.Count; step++)
                sent[step].Answer = output.ExitStatus is null ? CommandAnswer.Unclear
                    : step < failed ? CommandAnswer.Succeeded
                    : step == failed ? CommandAnswer.Refused
                    : CommandAnswer.NotSent;
            return output;
        }
        catch (Exception e) when (e is OperationCanceledException and not CommandAbandonedException or RemoteCommandException and not CommandUnansweredException)
        {
            foreach (var step in sent) step.Answer = CommandAnswer.NotSent;
            throw;
        }
    }

    /// <exception cref="RemoteCommandException">The command did not exit with status 0.</exception>
    public async Task<CommandOutput> RunCheckedAsync(RemoteCommand command, CancellationToken cancellationToken)
    {
        var output = await RunAsync(command, cancellationToken);
        return output.Succeeded ? output : throw Failed(command, output);
    }

    /// <summary>What failed: the command, or the step of a round trip that refused (its own status is not known, only that it was not 0).</summary>
    public RemoteCommandException Failed(RemoteCommand command, CommandOutput output) =>
        command.Next.Count == 0 || command.FailedStep(output.ExitStatus) is not { } step
            ? new($"{target}: {command} failed with {output.Summary}")
            : new($"{target}: {command.Steps[step]} failed (step {step + 1} of {command.Steps.Count} in one round trip): {output.Detail}");

    public override string ToString() => target.ToString();
}
