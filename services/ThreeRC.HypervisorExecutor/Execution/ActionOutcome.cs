namespace ThreeRC.HypervisorExecutor.Execution;

/// <summary>
/// How one command of the orchestrator ended: done or failed (with the reason), and what ran. A failure that
/// <see cref="MayHaveTakenEffect"/> may have acted all the same: its result says so, and it is treated as if it did.
/// </summary>
public sealed record ActionOutcome(bool Succeeded, string? Reason, IReadOnlyList<string> Commands, DateTimeOffset At)
{
    public bool MayHaveTakenEffect { get; init; }

    public static ActionOutcome Done(IReadOnlyList<string> commands, DateTimeOffset at) => new(true, null, commands, at);

    public static ActionOutcome Failed(string reason, IReadOnlyList<string> commands, DateTimeOffset at) => new(false, reason, commands, at);
}
