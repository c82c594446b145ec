using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ThreeRC.Placement.Options;
using ThreeRC.ServiceDefaults.Messaging;

namespace ThreeRC.Placement.Services;

/// <summary>
/// Loads the state when the service starts (a database it cannot read stops it there), then every
/// <c>Placement:SweepInterval</c> releases expired reservations, forgets settled arrivals and retries the queue.
/// </summary>
internal sealed class PlacementSweeper(
    PlacementService placement,
    IBus bus,
    IOptions<PlacementOptions> options,
    TimeProvider time,
    ILogger<PlacementSweeper> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await placement.LoadAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var placed = await placement.RunAsync((engine, now) => engine.Sweep(now), stoppingToken);
                await bus.PublishBatch(placed, stoppingToken).WithinPublishLimit(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The placement sweep failed; it runs again in {Interval}", options.Value.SweepInterval);
            }
        }
    }
}
