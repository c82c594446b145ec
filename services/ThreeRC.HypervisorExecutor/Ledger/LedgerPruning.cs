using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ThreeRC.HypervisorExecutor.Options;
using ThreeRC.HypervisorExecutor.Persistence;

namespace ThreeRC.HypervisorExecutor.Ledger;

/// <summary>
/// Deletes, at start and every CommandPruneInterval, the records whose not-after time is older than CommandRetention:
/// a redelivery of such a command is refused as expired, so it still never runs twice.
/// </summary>
internal sealed class LedgerPruning(CommandRecordStore store, IOptions<ExecutorOptions> options, TimeProvider time, ILogger<LedgerPruning> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CommandPruneInterval, time);
        do
        {
            try
            {
                var pruned = await store.PruneAsync(time.GetUtcNow() - options.Value.CommandRetention, stoppingToken);
                if (pruned > 0) logger.LogInformation("Deleted {Count} command records past Executor:CommandRetention", pruned);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Deleting old command records failed; trying again in {Interval}", options.Value.CommandPruneInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
