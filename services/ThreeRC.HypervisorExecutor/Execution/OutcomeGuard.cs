using Microsoft.Extensions.Logging;

namespace ThreeRC.HypervisorExecutor.Execution;

/// <summary>Makes sure a command gets its one result even when an executor breaks its promise not to throw.</summary>
internal static class OutcomeGuard
{
    public static async Task<ActionOutcome> OrFailedAsync(this Task<ActionOutcome> action, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            return await action;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "The executor threw instead of reporting a failure");
            // Nothing says what it ran before it threw, so it may have acted.
            return ActionOutcome.Failed($"the executor failed: {e.Message}; it may have taken effect", [], time.GetUtcNow()) with { MayHaveTakenEffect = true };
        }
    }
}
