using Microsoft.Extensions.Options;
using ThreeRC.Api.Options;

namespace ThreeRC.Api.Feed;

/// <summary>
/// Hands every event the Api receives to the watch streams open at that moment, in the order received.
/// Publishing never waits for a watcher: one that falls too far behind is ended instead.
/// </summary>
public sealed class EventFeed(IOptions<ApiOptions> options)
{
    private readonly Lock _gate = new();
    private readonly List<FeedSubscription> _subscriptions = [];
    private long _sequence;

    public int SubscriberCount
    {
        get { lock (_gate) return _subscriptions.Count; }
    }

    public FeedSubscription Subscribe(Func<FeedEvent, bool> filter)
    {
        var subscription = new FeedSubscription(this, filter, options.Value.WatchBufferSize);
        lock (_gate) _subscriptions.Add(subscription);
        return subscription;
    }

    public void Publish(string kind, EventFacts facts, string payloadJson)
    {
        lock (_gate)
        {
            var feedEvent = new FeedEvent(++_sequence, kind, facts, payloadJson);
            foreach (var subscription in _subscriptions) subscription.Offer(feedEvent);
        }
    }

    internal void Remove(FeedSubscription subscription)
    {
        lock (_gate) _subscriptions.Remove(subscription);
    }
}
