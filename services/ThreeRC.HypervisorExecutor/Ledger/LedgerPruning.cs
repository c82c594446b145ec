using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ThreeRC.HypervisorExecutor.Options;
using ThreeRC.HypervisorExecutor.Persistence;
using ThreeRC.ServiceDefaults.Hosting;

namespace ThreeRC.HypervisorExecutor.Ledger;

/// <summary>
/// Deletes, at start and every CommandPruneInterval, the records whose not-after time is older than CommandRetention:
/// a redelivery of such a command is refused as expired, so it still never runs twice.
/// </summary>
internal sealed class LedgerPruning(CommandRecordStore store, IOptions<ExecutorOptions> options, TimeProvider time, ILogger<LedgerPruning> logger)
    : PeriodicWork(time, logger)
{
    protected override TimeSpan Interval => options.Value.CommandPruneInterval;

    protected override string Name => "Deleting old command records";

    protected override async Task RunRoundAsync(CancellationToken cancellationToken)
    {
        var pruned = await store.PruneAsync(Time.GetUtcNow() - options.Value.CommandRetention, cancellationToken);
        if (pruned > 0) Logger.LogInformation("Deleted {Count} command records past Executor:CommandRetention", pruned);
    }
}
