using ThreeRC.Api.Feed;

namespace ThreeRC.Api.Notifications;

/// <summary>Queues the notice an event calls for on every channel, in the store, so that it is sent even if this instance stops.</summary>
public sealed class Notifier(NotificationStore store, NotificationChannels channels)
{
    public Task NoteAsync(Guid eventId, object message, EventFacts facts, CancellationToken cancellationToken) =>
        channels.All.Count > 0 && Notice.For(message, facts) is { } notice
            ? store.AddAsync(eventId, notice, channels.All.Select(channel => channel.Name), cancellationToken)
            : Task.CompletedTask;
}
