using ThreeRC.HypervisorExecutor.Execution;
using ThreeRC.HypervisorExecutor.Ledger;

namespace ThreeRC.HypervisorExecutor.Tests.Harness;

/// <summary>A delivery's way through the ledger, as the consumers take it: a turn, and the run only when the turn says so.</summary>
internal static class LedgerRuns
{
    public static async Task<ActionOutcome> RunOnceAsync(
        this CommandLedger ledger, CommandTicket ticket, Func<CancellationToken, Task<ActionOutcome>> action, CancellationToken cancellationToken)
    {
        using var turn = await ledger.BeginAsync(ticket, cancellationToken);
        return turn.Answer ?? await turn.FinishAsync(action(cancellationToken));
    }
}
