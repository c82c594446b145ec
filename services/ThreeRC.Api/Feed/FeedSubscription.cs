using System.Threading.Channels;

namespace ThreeRC.Api.Feed;

/// <summary>One watcher's queue of events; disposing it leaves the feed.</summary>
public sealed class FeedSubscription : IDisposable
{
    private readonly EventFeed _feed;
    private readonly Func<FeedEvent, bool> _filter;
    private readonly int _capacity;
    private readonly Channel<FeedEvent> _events;

    internal FeedSubscription(EventFeed feed, Func<FeedEvent, bool> filter, int capacity)
    {
        _feed = feed;
        _filter = filter;
        _capacity = capacity;
        _events = Channel.CreateBounded<FeedEvent>(new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true });
    }

    /// <summary>The events that passed the filter; completes with <see cref="WatcherTooSlowException"/> when the queue overflowed.</summary>
    public ChannelReader<FeedEvent> Events => _events.Reader;

    public void Dispose()
    {
        _feed.Remove(this);
        _events.Writer.TryComplete();
    }

    internal void Offer(FeedEvent feedEvent)
    {
        if (_filter(feedEvent) && !_events.Writer.TryWrite(feedEvent))
            _events.Writer.TryComplete(new WatcherTooSlowException(_capacity));
    }
}
