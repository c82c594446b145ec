using MassTransit;
using Microsoft.Extensions.Options;
using ThreeRC.Contracts.Recovery;
using ThreeRC.Orchestrator.Options;
using ThreeRC.ServiceDefaults.Hosting;
using ThreeRC.ServiceDefaults.Messaging;

namespace ThreeRC.Orchestrator.Deadlines;

/// <summary>
/// Debian's RabbitMQ has no delayed-message exchange, so timers live in the saga rows: this sweeper publishes
/// <see cref="RecoveryDeadlineReached"/> for every due row. A saga ignores a token other than its current one,
/// so a deadline published twice, or moved since, does nothing. Deadlines survive a restart: they are rows; of several
/// orchestrators on one database, each sweeps only the deadlines it claimed.
/// </summary>
public sealed class DeadlineSweeper(
    DeadlineStore store,
    IBus bus,
    IOptions<OrchestratorOptions> options,
    TimeProvider time,
    ILogger<DeadlineSweeper> logger) : PeriodicWork(time, logger)
{
    protected override TimeSpan Interval => options.Value.SweepInterval;

    protected override string Name => "The deadline sweep";

    /// <summary>Publishes every due deadline once; returns how many.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow();
        var due = await store.ClaimDueAsync(now, options.Value.RedispatchAfter, options.Value.SweepBatchSize);
        if (due.Count == 0) return 0;
        var reached = due.Select(deadline =>
            new RecoveryDeadlineReached(deadline.CorrelationId, deadline.Token, DateTimeOffset.FromUnixTimeMilliseconds(deadline.DeadlineAt)));
        await bus.PublishBatch(reached, cancellationToken).WithinPublishLimit(cancellationToken);
        return due.Count;
    }

    protected override async Task RunRoundAsync(CancellationToken cancellationToken)
    {
        while (await SweepAsync(cancellationToken) == options.Value.SweepBatchSize)
        {
            // A full batch: there may be more due right now.
        }
    }
}
