using ThreeRC.HypervisorExecutor.Execution;

namespace ThreeRC.HypervisorExecutor.Ledger;

/// <summary>
/// What <see cref="CommandLedger.BeginAsync"/> decided for one delivery: an <see cref="Answer"/> without running
/// anything, or none, and then the delivery runs the command and finishes the turn with its result. A turn left
/// unfinished (the executor stopping mid-action) stays recorded as started: a later delivery answers it as interrupted.
/// </summary>
internal sealed class LedgerTurn : IDisposable
{
    private readonly CommandLedger? _ledger;
    private readonly CommandTicket? _ticket;
    private readonly CancellationToken _cancellationToken;
    private bool _ended;

    public LedgerTurn(CommandLedger ledger, CommandTicket ticket, CancellationToken cancellationToken) =>
        (_ledger, _ticket, _cancellationToken) = (ledger, ticket, cancellationToken);

    private LedgerTurn(ActionOutcome answer) => (Answer, _ended) = (answer, true);

    /// <summary>The result to give without running anything; null when this delivery runs the command.</summary>
    public ActionOutcome? Answer { get; }

    public static LedgerTurn Answered(ActionOutcome answer) => new(answer);

    /// <summary>Records the result of the run (a run that threw counts as one that may have taken effect) and returns it.</summary>
    public async Task<ActionOutcome> FinishAsync(Task<ActionOutcome> running)
    {
        if (_ledger is null || _ticket is null || _ended) throw new InvalidOperationException("this turn has ended; the command must not run");
        var outcome = await _ledger.FinishAsync(_ticket, running, _cancellationToken);
        _ended = true;
        return outcome;
    }

    public void Dispose()
    {
        if (!_ended && _ticket is not null) _ledger?.Abandon(_ticket);
        _ended = true;
    }
}
