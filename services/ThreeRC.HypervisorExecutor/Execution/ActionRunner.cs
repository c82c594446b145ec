using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ThreeRC.HypervisorExecutor.Commands;
using ThreeRC.HypervisorExecutor.Options;
using ThreeRC.HypervisorExecutor.Ssh;

namespace ThreeRC.HypervisorExecutor.Execution;

/// <summary>
/// Prepares an action (checking every value before any connection), runs it unless this is a dry run, and turns
/// every failure into a failed outcome that lists the commands that ran and says whether they may have taken effect.
/// </summary>
internal sealed class ActionRunner(IOptions<ExecutorOptions> options, TimeProvider time, ILogger<ActionRunner> logger)
{
    public const string DryRunPrefix = "(dry run) ";

    public async Task<ActionOutcome> RunAsync(string action, Func<PreparedAction> prepare, CancellationToken cancellationToken)
    {
        var log = new CommandLog();
        try
        {
            var prepared = prepare();
            if (options.Value.DryRun) return DryRun(action, prepared.Plan);
            logger.LogInformation("{Action}: starting", action);
            await prepared.Run(log, cancellationToken);
            logger.LogInformation("{Action}: done", action);
            return ActionOutcome.Done(log.Lines, time.GetUtcNow());
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            var expected = e is ActionFailedException or RemoteCommandException or UnsafeValueException;
            var failed = TakenEffect.Failed(expected ? e.Message : $"unexpected {e.GetType().Name}: {e.Message}", log, time.GetUtcNow());
            logger.LogWarning(expected ? null : e, "{Action}: failed: {Reason}", action, failed.Reason);
            return failed;
        }
    }

    private ActionOutcome DryRun(string action, IReadOnlyList<string> plan)
    {
        foreach (var line in plan) logger.LogInformation("{Action}: dry run, would run {Command}", action, line);
        return ActionOutcome.Failed("dry run: nothing was run (Executor:DryRun is on)", plan.Select(line => DryRunPrefix + line).ToList(), time.GetUtcNow());
    }
}
