using Microsoft.Extensions.Options;
using ThreeRC.Api.Feed;
using ThreeRC.Api.Options;

namespace ThreeRC.Api.Tests.Feed;

public sealed class EventFeedTests
{
    private readonly EventFeed _feed = new(Microsoft.Extensions.Options.Options.Create(new ApiOptions { WatchBufferSize = 10 }));

    [Fact]
    public async Task A_watcher_that_falls_more_than_its_buffer_behind_gets_what_was_buffered_and_then_is_ended()
    {
        using var subscription = _feed.Subscribe(_ => true);

        for (var i = 0; i < 12; i++) _feed.Publish("HostResponsive", Facts(i), "{}");
        var received = new List<FeedEvent>();
        var error = await Assert.ThrowsAsync<WatcherTooSlowException>(async () =>
        {
            await foreach (var feedEvent in subscription.Events.ReadAllAsync()) received.Add(feedEvent);
        });

        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), received.Select(feedEvent => feedEvent.Sequence));
        Assert.Contains("more than 10 events behind", error.Message);
    }

    [Fact]
    public void A_slow_watcher_does_not_hold_up_the_others()
    {
        using var slow = _feed.Subscribe(_ => true);
        using var picky = _feed.Subscribe(feedEvent => feedEvent.Facts.Summary == "11");

        for (var i = 0; i < 12; i++) _feed.Publish("HostResponsive", Facts(i), "{}");

        Assert.True(picky.Events.TryRead(out var only));
        Assert.Equal("11", only.Facts.Summary);
        Assert.Equal(2, _feed.SubscriberCount);
    }

    [Fact]
    public void A_disposed_subscription_leaves_the_feed()
    {
        var subscription = _feed.Subscribe(_ => true);

        subscription.Dispose();
        _feed.Publish("HostResponsive", Facts(1), "{}");

        Assert.Equal(0, _feed.SubscriberCount);
        Assert.False(subscription.Events.TryRead(out _));
    }

    private static EventFacts Facts(int i) => new(DateTimeOffset.UnixEpoch.AddSeconds(i), i.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
