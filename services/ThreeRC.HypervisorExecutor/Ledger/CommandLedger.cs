using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Extensions.Logging;
using ThreeRC.HypervisorExecutor.Execution;
using ThreeRC.HypervisorExecutor.Persistence;

namespace ThreeRC.HypervisorExecutor.Ledger;

/// <summary>
/// Runs each command id at most once, whatever executor is behind the consumers. Before the first remote command the
/// id is recorded as started (committed to executor.db); the result is recorded before it is published. A command id
/// seen again is not run: a recorded result is given again (a retry after a failed publish), a start without a result
/// that is not running here means an executor stopped mid-action or another instance runs it (it may have taken
/// effect), and one running here now is waited for. Instances sharing the store record a command once (its id is the
/// key): the one that finds it recorded by another at the same moment does not run it. A command past its not-after
/// time is refused without running. An executor that throws instead of answering still gives the command its one
/// result.
/// </summary>
internal sealed class CommandLedger(CommandRecordStore store, TimeProvider time, ILogger<CommandLedger> logger)
{
    private static readonly TimeSpan RecordPatience = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(4);
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource<ActionOutcome>> _running = new();

    /// <summary>
    /// Decides whether this instance runs the command now: when the turn has no <see cref="LedgerTurn.Answer"/>, it is
    /// recorded as started and the caller runs it and hands its result to <see cref="LedgerTurn.FinishAsync"/>.
    /// </summary>
    public async Task<LedgerTurn> BeginAsync(CommandTicket ticket, CancellationToken cancellationToken)
    {
        var mine = new TaskCompletionSource<ActionOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = _running.GetOrAdd(ticket.CommandId, mine);
        if (running != mine)
        {
            logger.LogInformation("{Command} is running already: its result is given again when it ends", ticket);
            return LedgerTurn.Answered(await running.Task.WaitAsync(cancellationToken));
        }

        try
        {
            if (await AnswerAsync(ticket, cancellationToken) is not { } answer) return new LedgerTurn(this, ticket, cancellationToken);
            End(ticket.CommandId, answer);
            return LedgerTurn.Answered(answer);
        }
        catch
        {
            Abandon(ticket);
            throw;
        }
    }

    /// <summary>Records the result of a run this instance began, and gives it to every delivery waiting for it.</summary>
    internal async Task<ActionOutcome> FinishAsync(CommandTicket ticket, Task<ActionOutcome> running, CancellationToken cancellationToken)
    {
        var outcome = await OutcomeOfAsync(running, cancellationToken);
        await RecordAsync(ticket, outcome);
        End(ticket.CommandId, outcome);
        return outcome;
    }

    /// <summary>A run that ends without a result (the executor stopping): the deliveries waiting for it stop waiting.</summary>
    internal void Abandon(CommandTicket ticket)
    {
        if (_running.TryRemove(ticket.CommandId, out var running)) running.TrySetCanceled();
    }

    private void End(Guid commandId, ActionOutcome outcome)
    {
        if (_running.TryRemove(commandId, out var running)) running.TrySetResult(outcome);
    }

    /// <summary>The answer when the command must not run here, or null once it is recorded as started by this instance.</summary>
    private async Task<ActionOutcome?> AnswerAsync(CommandTicket ticket, CancellationToken cancellationToken)
    {
        var record = await store.FindAsync(ticket.CommandId, cancellationToken);
        if (record?.Outcome is { } recorded)
        {
            logger.LogInformation("{Command} was answered before: its recorded result is given again, nothing is run", ticket);
            return recorded;
        }

        var now = time.GetUtcNow();
        if (record is not null)
        {
            var interrupted = LedgerAnswers.Interrupted(record.StartedAt, now);
            logger.LogWarning("{Command} was started before and has no result: {Reason}", ticket, interrupted.Reason);
            await store.FinishAsync(ticket.CommandId, interrupted, CancellationToken.None);
            return interrupted;
        }

        if (now > ticket.NotAfter)
        {
            var expired = LedgerAnswers.Expired(ticket, now);
            logger.LogWarning("{Command}: {Reason}", ticket, expired.Reason);
            _ = await store.InsertAsync(ticket, now, expired, cancellationToken);
            return expired;
        }

        if (!await store.InsertAsync(ticket, now, outcome: null, cancellationToken))
        {
            var elsewhere = LedgerAnswers.RunningElsewhere(now);
            logger.LogWarning("{Command}: {Reason}", ticket, elsewhere.Reason);
            return elsewhere;
        }

        logger.LogInformation("{Command}: running", ticket);
        return null;
    }

    /// <summary>
    /// Records the result, trying again for a while when the store is away (PostgreSQL restarting): the result is known
    /// only here, and once this gives up the command can only be answered "it may have taken effect".
    /// </summary>
    private async Task RecordAsync(CommandTicket ticket, ActionOutcome outcome)
    {
        var giveUpAt = time.GetUtcNow() + RecordPatience;
        for (var pause = TimeSpan.FromMilliseconds(250); ; pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPause.Ticks)))
        {
            try
            {
                await store.FinishAsync(ticket.CommandId, outcome, CancellationToken.None);
                return;
            }
            catch (DbException e) when (time.GetUtcNow() < giveUpAt)
            {
                logger.LogWarning("{Command}: its result could not be recorded yet ({Message}); trying again in {Pause} s", ticket, e.Message, pause.TotalSeconds);
                await Task.Delay(pause, time);
            }
        }
    }

    private async Task<ActionOutcome> OutcomeOfAsync(Task<ActionOutcome> running, CancellationToken cancellationToken)
    {
        try
        {
            return await running;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "The executor threw instead of reporting a failure");
            // Nothing says what it ran before it threw, so it may have acted.
            return ActionOutcome.Failed($"the executor failed: {e.Message}; it may have taken effect", [], time.GetUtcNow()) with { MayHaveTakenEffect = true };
        }
    }
}
