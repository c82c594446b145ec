using System.Text.Json;
using System.Text.Json.Serialization;
using MassTransit;
using ThreeRC.Api.Persistence;

namespace ThreeRC.Api.Feed;

/// <summary>
/// Records a received event: in its incident's timeline when it carries a recovery id, on the watch feed, and in the
/// metrics. A redelivered incident event is neither stored, streamed nor counted twice.
/// </summary>
public sealed class EventJournal(TimelineStore timeline, EventFeed feed, IncidentMetrics metrics)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public async Task RecordAsync<T>(ConsumeContext<T> context, EventFacts facts)
        where T : class
    {
        var kind = typeof(T).Name;
        if (facts.RecoveryId is { } recoveryId
            && !await timeline.AddAsync(context.MessageId ?? NewId.NextGuid(), recoveryId, kind, facts, context.CancellationToken))
            return;
        metrics.Record(context.Message);
        feed.Publish(kind, facts, JsonSerializer.Serialize(context.Message, Json));
    }
}
