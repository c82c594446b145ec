using ThreeRC.HypervisorExecutor.Execution;

namespace ThreeRC.HypervisorExecutor.Ledger;

/// <summary>The results the ledger gives on its own, without running anything.</summary>
internal static class LedgerAnswers
{
    public static ActionOutcome Expired(CommandTicket ticket, DateTimeOffset now) => ActionOutcome.Failed(
        $"refused: its not-after time {ticket.NotAfter.ToUniversalTime():O} had passed {Seconds(now - ticket.NotAfter)} before the executor "
        + $"received it (at {now.ToUniversalTime():O}); nothing was run",
        [], now);

    public static ActionOutcome Interrupted(DateTimeOffset startedAt, DateTimeOffset now) => ActionOutcome.Failed(
        $"the executor stopped while running this command (started at {startedAt.ToUniversalTime():O}); it may have taken effect; "
        + "it is not run again",
        [], now) with { MayHaveTakenEffect = true };

    /// <summary>Another executor instance recorded the command as started between this one's look and its own record.</summary>
    public static ActionOutcome RunningElsewhere(DateTimeOffset now) => ActionOutcome.Failed(
        "another executor instance started this command at the same moment; it may take effect there; it is not run here",
        [], now) with { MayHaveTakenEffect = true };

    private static string Seconds(TimeSpan late) => $"{late.TotalSeconds:0.###} s";
}
