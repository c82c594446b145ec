using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ThreeRC.Placement.Options;
using ThreeRC.ServiceDefaults.Hosting;
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
    ILogger<PlacementSweeper> logger) : PeriodicWork(time, logger)
{
    protected override TimeSpan Interval => options.Value.SweepInterval;

    protected override string Name => "The placement sweep";

    protected override bool RunsAtStart => false;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await placement.LoadAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task RunRoundAsync(CancellationToken cancellationToken)
    {
        var placed = await placement.RunAsync((engine, now) => engine.Sweep(now), cancellationToken);
        await bus.PublishBatch(placed, cancellationToken).WithinPublishLimit(cancellationToken);
    }
}
