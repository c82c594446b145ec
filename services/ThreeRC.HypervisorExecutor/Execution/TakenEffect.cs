using ThreeRC.HypervisorExecutor.Commands;

namespace ThreeRC.HypervisorExecutor.Execution;

/// <summary>
/// Whether a failed action may have changed something, from what came back from the commands it sent: a command
/// that changes something and succeeded took effect, one sent without a clear answer may have; a query, a clear
/// non-zero exit and a command never sent did nothing.
/// </summary>
internal static class TakenEffect
{
    public static ActionOutcome Failed(string reason, CommandLog log, DateTimeOffset at)
    {
        var effects = log.Effects;
        if (effects.Count == 0) return ActionOutcome.Failed(reason, log.Lines, at);
        var said = effects.Select(effect => effect.Answer == CommandAnswer.Succeeded
            ? $"{effect.Line} took effect"
            : $"{effect.Line} may have taken effect (it was sent and no clear answer came back)");
        return ActionOutcome.Failed($"{reason}; {string.Join("; ", said)}", log.Lines, at) with { MayHaveTakenEffect = true };
    }
}
