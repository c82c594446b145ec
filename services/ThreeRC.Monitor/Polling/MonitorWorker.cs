using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ThreeRC.Monitor.Options;

namespace ThreeRC.Monitor.Polling;

/// <summary>Polls every Ganglia source once per <see cref="MonitorOptions.PollInterval"/>, from the moment the host (and its bus) has started.</summary>
internal sealed class MonitorWorker(
    PollCycle cycle,
    IHostApplicationLifetime lifetime,
    IOptions<MonitorOptions> options,
    TimeProvider time,
    ILogger<MonitorWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await WhenStartedAsync(stoppingToken);
        var interval = options.Value.PollInterval;
        logger.LogInformation("Polling {Sources} every {Interval}", string.Join(", ", options.Value.Sources), interval);
        using var timer = new PeriodicTimer(interval, time);
        do
        {
            await PollAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task PollAsync(CancellationToken stoppingToken)
    {
        try
        {
            await cycle.RunAsync(stoppingToken);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogError(e, "A poll failed; the next one retries what it could not publish");
        }
    }

    private async Task WhenStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken);
    }
}
