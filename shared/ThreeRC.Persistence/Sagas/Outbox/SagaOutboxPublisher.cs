using System.Threading.Channels;
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
    // Rows per delete: the statement names each one.
    private const int BatchSize = 500;
    private readonly Lazy<OutboxStore> _store = new(() => new OutboxStore(
        options.Value.Database?.Invoke(services) ?? throw new InvalidOperationException($"no database configured for the {typeof(TSaga).Name} saga repository"),
        options.Value.Table,
        services.GetService<TimeProvider>() ?? TimeProvider.System));

    private readonly Channel<OutboxEntry> _sent = Channel.CreateUnbounded<OutboxEntry>();
    private readonly SemaphoreSlim _removing = new(1, 1);

    internal OutboxStore Store => _store.Value;

    /// <summary>
    /// Publishes <paramref name="entries"/> in order through <paramref name="endpoint"/>; their rows go once all have
    /// left, with those of other messages, in one write (<see cref="RemoveSentAsync"/>).
    /// </summary>
    public async Task PublishAsync(IPublishEndpoint endpoint, IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0) return;
        if (options.Value.BeforePublish is { } hook) await hook(services, entries.Select(entry => entry.Message).ToList());
        foreach (var entry in entries)
            await endpoint.Publish(entry.Message, entry.Message.GetType(), Pipe.Execute<PublishContext>(publish => publish.MessageId = entry.MessageId),
                cancellationToken);
        foreach (var entry in entries) _sent.Writer.TryWrite(entry);
    }

    /// <summary>Removes the rows of the messages published so far; when it returns, every row published before the call is gone (or failed to go).</summary>
    public async Task RemoveSentAsync()
    {
        await _removing.WaitAsync();
        try
        {
            var sent = new List<OutboxEntry>();
            while (_sent.Reader.TryRead(out var entry)) sent.Add(entry);
            foreach (var batch in sent.Chunk(BatchSize)) await RemoveAsync(batch);
        }
        finally
        {
            _removing.Release();
        }
    }

    /// <summary>Removes the rows of published messages as they come, each write taking all that came meanwhile, until stopped.</summary>
    public async Task RemoveWhileRunningAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _sent.Reader.WaitToReadAsync(stoppingToken)) await RemoveSentAsync();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await RemoveSentAsync();
        }
    }

    private async Task RemoveAsync(IReadOnlyList<OutboxEntry> sent)
    {
        try
        {
            await Store.RemoveAsync(sent, CancellationToken.None);
        }
        catch (Exception e)
        {
            // The messages have left; their rows would only be published again (same ids) by the sweep.
            logger.LogWarning(e, "{Count} outbox rows of {Saga} could not be removed after their publish", sent.Count, typeof(TSaga).Name);
        }
    }
}
