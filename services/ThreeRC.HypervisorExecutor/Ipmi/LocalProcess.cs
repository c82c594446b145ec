using System.ComponentModel;
using System.Diagnostics;
using ThreeRC.HypervisorExecutor.Execution;
using ThreeRC.HypervisorExecutor.Ssh;

namespace ThreeRC.HypervisorExecutor.Ipmi;

/// <summary>
/// Runs a program on this machine with an argument list (no shell), killing it when it overruns. A program that could
/// not start is an <see cref="ActionFailedException"/>; one killed because it overran a <see cref="CommandUnansweredException"/>,
/// because the caller gave up a <see cref="CommandAbandonedException"/>.
/// </summary>
internal static class LocalProcess
{
    public static async Task<CommandOutput> RunAsync(
        string program, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new ActionFailedException($"cannot run {program}: {e.Message}");
        }

        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException e)
        {
            // It started: whatever it was asked may have been done.
            process.Kill(entireProcessTree: true);
            if (cancellationToken.IsCancellationRequested) throw new CommandAbandonedException($"{program} was abandoned before it finished", e, cancellationToken);
            throw new CommandUnansweredException($"{program} did not finish within {timeout.TotalSeconds:0.###} s", e);
        }

        return new CommandOutput(process.ExitCode, null, await output, await error);
    }
}
