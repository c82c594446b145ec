using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ThreeRC.ServiceDefaults.Hosting;

/// <summary>
/// A round of work every <see cref="Interval"/>, and first at start when <see cref="RunsAtStart"/>: a failed round is
/// logged and the next one tries again, so that a database or broker briefly away never stops the service. An
/// <see cref="Interval"/> of zero turns the work off.
/// </summary>
public abstract class PeriodicWork(TimeProvider time, ILogger logger) : BackgroundService
{
    protected TimeProvider Time { get; } = time;

    protected ILogger Logger { get; } = logger;

    protected abstract TimeSpan Interval { get; }

    /// <summary>What the round does, for the log: "The deadline sweep".</summary>
    protected abstract string Name { get; }

    protected virtual bool RunsAtStart => true;

    protected abstract Task RunRoundAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Interval == TimeSpan.Zero) return;
        using var timer = new PeriodicTimer(Interval, Time);
        if (RunsAtStart) await RoundAsync(stoppingToken);
        while (await timer.WaitForNextTickAsync(stoppingToken)) await RoundAsync(stoppingToken);
    }

    private async Task RoundAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunRoundAsync(stoppingToken);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            Logger.LogError(e, "{Work} failed; trying again in {Interval}", Name, Interval);
        }
    }
}
