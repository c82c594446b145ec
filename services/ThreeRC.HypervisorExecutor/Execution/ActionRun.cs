using Microsoft.Extensions.Logging;
using ThreeRC.HypervisorExecutor.Commands;
using ThreeRC.HypervisorExecutor.Ssh;

namespace ThreeRC.HypervisorExecutor.Execution;

/// <summary>
/// One run of an action, from its checked plan to its outcome: the <see cref="Log"/> of the commands it sent, its log
/// lines, and its outcome. A dry run lists the plan and runs nothing; a failure lists what ran and says whether it may
/// have taken effect.
/// </summary>
internal sealed class ActionRun(string action, TimeProvider time, ILogger logger)
{
    public const string DryRunPrefix = "(dry run) ";

    public CommandLog Log { get; } = new();

    public ActionOutcome DryRun(IReadOnlyList<string> plan)
    {
        foreach (var line in plan) logger.LogInformation("{Action}: dry run, would run {Command}", action, line);
        return ActionOutcome.Failed("dry run: nothing was run (Executor:DryRun is on)", plan.Select(line => DryRunPrefix + line).ToList(), time.GetUtcNow());
    }

    public void Starting() => logger.LogInformation("{Action}: starting", action);

    public ActionOutcome Done()
    {
        logger.LogInformation("{Action}: done", action);
        return ActionOutcome.Done(Log.Lines, time.GetUtcNow());
    }

    public ActionOutcome Failed(Exception exception)
    {
        var expected = exception is ActionFailedException or RemoteCommandException or UnsafeValueException;
        var reason = expected ? exception.Message : $"unexpected {exception.GetType().Name}: {exception.Message}";
        var failed = TakenEffect.Failed(reason, Log, time.GetUtcNow());
        logger.LogWarning(expected ? null : exception, "{Action}: failed: {Reason}", action, failed.Reason);
        return failed;
    }
}
