using Microsoft.Extensions.Logging.Abstractions;
using ThreeRC.Inventory.Loading;
using ThreeRC.Monitor.Detection;
using ThreeRC.Monitor.Options;
using ThreeRC.Monitor.Push;
using ThreeRC.Monitor.Tests.Support;

namespace ThreeRC.Monitor.Tests.Push;

/// <summary>A host heard on UDP is judged by its learned interval, and never later than the inventory's limit.</summary>
public sealed class PushLimitTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 6, 0, 0, TimeSpan.Zero);

    private readonly HostBoard _hosts;
    private readonly PushBoard _push;

    public PushLimitTests()
    {
        var inventory = InventoryLoader.Parse(TestInventory.Yaml("absoluteLimit: 6s\nmissedHeartbeats: 2"), "inventory.yaml");
        _push = new PushBoard(inventory, Microsoft.Extensions.Options.Options.Create(new MonitorOptions { Push = new PushOptions { Port = 8666, Grace = TimeSpan.FromMilliseconds(300) } }));
        _hosts = new HostBoard(inventory, _push, NullLogger<HostBoard>.Instance);
    }

    [Fact]
    public void A_host_is_silent_after_two_learned_intervals_and_the_grace()
    {
        Heartbeats(0, 2);

        Assert.Null(SilenceOf("gridce", at: 6.2));
        Assert.Equal("no Ganglia packet for 4.4 s (limit 2 heartbeats of 2 s and 0.3 s)", SilenceOf("gridce", at: 6.4));
    }

    [Fact]
    public void A_learned_interval_longer_than_the_inventory_allows_still_ends_at_the_absolute_limit()
    {
        // Two long gaps running (two crashes, each at the first heartbeat after a recovery) are learned as the interval.
        Heartbeats(0, 2, 4, 14, 24);
        Assert.Equal(TimeSpan.FromSeconds(10), _push.Sighting("gridce")!.Interval);

        Assert.Null(SilenceOf("gridce", at: 29.9));
        Assert.Equal("TN 6 s >= absolute limit 6 s", SilenceOf("gridce", at: 30));
    }

    private string? SilenceOf(string host, double at) =>
        _hosts.Judge([], null, Start.AddSeconds(at)).Hosts.Single(judgement => judgement.Host.Name == host).Silence;

    private void Heartbeats(params double[] seconds)
    {
        foreach (var second in seconds) _push.Heard(new GangliaPacket("gridce", "heartbeat", IsValue: true), Start.AddSeconds(second));
    }
}
