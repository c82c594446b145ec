using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ThreeRC.Monitor.Options;

namespace ThreeRC.Monitor.Polling;

/// <summary>
/// Polls every Ganglia source once per <see cref="MonitorOptions.PollInterval"/>, from the moment the host (and its bus)
/// has started; with push detection on, judges the hosts again every <see cref="PushOptions.JudgeInterval"/> between polls.
/// </summary>
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
        var settings = options.Value;
        var interval = settings.PollInterval;
        var tick = settings.Push.Port is null || settings.Push.JudgeInterval >= interval ? interval : settings.Push.JudgeInterval;
        logger.LogInformation("Polling {Sources} every {Interval}", string.Join(", ", settings.Sources), interval);
        using var timer = new PeriodicTimer(tick, time);
        var nextPoll = time.GetUtcNow();
        do
        {
            var poll = time.GetUtcNow() >= nextPoll;
            if (poll) nextPoll = time.GetUtcNow() + interval - tick / 2;
            await RunAsync(poll ? cycle.RunAsync : cycle.JudgeAgainAsync, stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task RunAsync(Func<CancellationToken, Task> step, CancellationToken stoppingToken)
    {
        try
        {
            await step(stoppingToken);
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
