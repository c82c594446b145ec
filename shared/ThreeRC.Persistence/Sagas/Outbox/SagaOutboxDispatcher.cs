using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ThreeRC.Persistence.Sagas.Outbox;

/// <summary>
/// Publishes what a saga committed but never published: the process stopped between the commit and the publish. At
/// start every message waiting in the outbox goes; later, those waiting longer than <c>OutboxStaleAfter</c> (the
/// consumer that wrote them publishes them itself within milliseconds). It also removes the rows of what was published,
/// many in one write, and forgets old inbox entries.
/// </summary>
public sealed class SagaOutboxDispatcher<TSaga>(
    SagaOutboxPublisher<TSaga> publisher,
    IBus bus,
    IOptions<SagaStoreOptions<TSaga>> options,
    TimeProvider time,
    ILogger<SagaOutboxDispatcher<TSaga>> logger) : BackgroundService
    where TSaga : class
{
    private const int BatchSize = 500;

    /// <summary>Publishes the messages waiting at least <paramref name="age"/>; returns how many.</summary>
    private async Task<int> SweepAsync(TimeSpan age, CancellationToken cancellationToken)
    {
        var waiting = await publisher.Store.WaitingAsync(age, BatchSize, cancellationToken);
        if (waiting.Count == 0) return 0;
        logger.LogWarning("Publishing {Count} {Saga} messages committed but not published (the first: {Type} {MessageId})",
            waiting.Count, typeof(TSaga).Name, waiting[0].Message.GetType().Name, waiting[0].MessageId);
        await publisher.PublishAsync(bus, waiting, cancellationToken);
        await publisher.RemoveSentAsync();
        return waiting.Count;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(publisher.RemoveWhileRunningAsync(stoppingToken), SweepWhileRunningAsync(stoppingToken));

    private async Task SweepWhileRunningAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        using var timer = new PeriodicTimer(settings.OutboxSweepInterval, time);
        var age = TimeSpan.Zero;
        do
        {
            try
            {
                while (await SweepAsync(age, stoppingToken) == BatchSize)
                {
                    // A full batch: there may be more.
                }

                await publisher.Store.ForgetAsync(settings.InboxRetention, stoppingToken);
                age = settings.OutboxStaleAfter;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The {Saga} outbox sweep failed; retrying in {Interval}", typeof(TSaga).Name, settings.OutboxSweepInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
