using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ThreeRC.Persistence.Sagas.Outbox;

/// <summary>
/// Publishes committed outbox messages under their own message ids, then removes their rows. A message published and
/// then published again (the process stopped before its row went) carries the same id both times, so its consumers
/// can tell.
/// </summary>
public sealed class SagaOutboxPublisher<TSaga>(IOptions<SagaStoreOptions<TSaga>> options, IServiceProvider services, ILogger<SagaOutboxPublisher<TSaga>> logger)
    where TSaga : class
{
    private readonly Lazy<OutboxStore> _store = new(() => new OutboxStore(
        options.Value.Database?.Invoke(services) ?? throw new InvalidOperationException($"no database configured for the {typeof(TSaga).Name} saga repository"),
        options.Value.Table,
        services.GetService<TimeProvider>() ?? TimeProvider.System));

    internal OutboxStore Store => _store.Value;

    /// <summary>Publishes <paramref name="entries"/> in order through <paramref name="endpoint"/>; their rows go once all have left.</summary>
    public async Task PublishAsync(IPublishEndpoint endpoint, IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0) return;
        if (options.Value.BeforePublish is { } hook) await hook(services, entries.Select(entry => entry.Message).ToList());
        foreach (var entry in entries)
            await endpoint.Publish(entry.Message, entry.Message.GetType(), Pipe.Execute<PublishContext>(publish => publish.MessageId = entry.MessageId),
                cancellationToken);
        try
        {
            await Store.RemoveAsync(entries, CancellationToken.None);
        }
        catch (Exception e)
        {
            // The messages have left; their rows would only be published again (same ids) by the sweep.
            logger.LogWarning(e, "{Count} outbox rows of {Saga} could not be removed after their publish", entries.Count, typeof(TSaga).Name);
        }
    }
}
