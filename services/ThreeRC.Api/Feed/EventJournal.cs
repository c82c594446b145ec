using System.Text.Json;
using System.Text.Json.Serialization;
using MassTransit;
using ThreeRC.Api.Notifications;
using ThreeRC.Api.Persistence;

namespace ThreeRC.Api.Feed;

/// <summary>
/// Records a received event: in its incident's timeline when it carries a recovery id, on the watch feed, in the
/// metrics, and as a notification when it calls for one. A redelivered incident event is neither stored, streamed,
/// counted nor notified twice.
/// </summary>
public sealed class EventJournal(TimelineStore timeline, EventFeed feed, IncidentMetrics metrics, Notifier notifier)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public async Task RecordAsync<T>(ConsumeContext<T> context, EventFacts facts)
        where T : class
    {
        var kind = typeof(T).Name;
        var eventId = context.MessageId ?? NewId.NextGuid();

        // First, and idempotent by the event's id: a crash after it, before the timeline has the event, loses no notice.
        await notifier.NoteAsync(eventId, context.Message, facts, context.CancellationToken);
        if (facts.RecoveryId is { } recoveryId && !await timeline.AddAsync(eventId, recoveryId, kind, facts, context.CancellationToken))
            return;
        metrics.Record(context.Message);
        feed.Publish(kind, facts, JsonSerializer.Serialize(context.Message, Json));
    }
}
