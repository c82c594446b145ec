using Microsoft.Extensions.Options;
using ThreeRC.Inventory.Loading;
using ThreeRC.Monitor.Options;
using ThreeRC.Monitor.Push;
using ThreeRC.Monitor.Tests.Support;

namespace ThreeRC.Monitor.Tests.Push;

/// <summary>How the push path learns a host's heartbeat interval, and how long it lets the host be silent.</summary>
public sealed class PushBoardTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 4, 0, 0, TimeSpan.Zero);

    private readonly PushBoard _board = new(
        InventoryLoader.Parse(TestInventory.Yaml("missedHeartbeats: 2"), "inventory.yaml"),
        Microsoft.Extensions.Options.Options.Create(new MonitorOptions { Push = new PushOptions { Port = 8666, Grace = TimeSpan.FromMilliseconds(300) } }));

    [Fact]
    public void Two_heartbeats_give_the_interval_and_the_limit_is_two_of_them_and_the_grace()
    {
        Heartbeats(0);
        Assert.Null(_board.Sighting("alfa02"));

        Heartbeats(2);

        Assert.Equal(new PushSighting(Start.AddSeconds(2), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4.3)), _board.Sighting("alfa02"));
    }

    [Fact]
    public void A_silence_teaches_nothing_so_a_host_back_from_one_is_watched_as_closely_as_before()
    {
        Heartbeats(0, 2, 4, 30, 32.5);

        Assert.Equal(TimeSpan.FromSeconds(2.5), _board.Sighting("alfa02")!.Interval);
        Heartbeats(62);
        Assert.Equal(TimeSpan.FromSeconds(2.5), _board.Sighting("alfa02")!.Interval);
    }

    [Fact]
    public void The_same_longer_gap_twice_running_is_the_new_interval()
    {
        Heartbeats(0, 2, 4, 24);
        Assert.Equal(TimeSpan.FromSeconds(2), _board.Sighting("alfa02")!.Interval);

        Heartbeats(44);

        Assert.Equal(TimeSpan.FromSeconds(20), _board.Sighting("alfa02")!.Interval);
    }

    [Fact]
    public void Other_metrics_count_as_heard_but_not_as_heartbeats()
    {
        Heartbeats(0, 2);
        _board.Heard(new GangliaPacket("alfa02", "load_one", IsValue: true), Start.AddSeconds(3));
        _board.Heard(new GangliaPacket("alfa02", "heartbeat", IsValue: false), Start.AddSeconds(3.5));

        Assert.Equal(new PushSighting(Start.AddSeconds(3.5), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4.3)), _board.Sighting("alfa02"));
    }

    [Fact]
    public void A_gmond_started_again_has_its_interval_learned_anew_so_a_longer_one_is_no_silence()
    {
        GmondHeartbeats(startedAt: 1000, 0, 2, 4);
        Assert.Equal(TimeSpan.FromSeconds(2), _board.Sighting("alfa02")!.Interval);

        GmondHeartbeats(startedAt: 1005, 5);
        Assert.Null(_board.Sighting("alfa02")); // judged by the XML until two heartbeats of the new gmond

        GmondHeartbeats(startedAt: 1005, 25);
        Assert.Equal(new PushSighting(Start.AddSeconds(25), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(40.3)), _board.Sighting("alfa02"));
    }

    [Fact]
    public void The_same_gmond_sending_its_start_time_again_keeps_its_interval()
    {
        GmondHeartbeats(startedAt: 1000, 0, 2, 4, 6);

        Assert.Equal(new PushSighting(Start.AddSeconds(6), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4.3)), _board.Sighting("alfa02"));
    }

    private void Heartbeats(params double[] seconds)
    {
        foreach (var second in seconds) _board.Heard(new GangliaPacket("alfa02", "heartbeat", IsValue: true), Start.AddSeconds(second));
    }

    /// <summary>gmond's heartbeats: their value is the time the gmond started.</summary>
    private void GmondHeartbeats(uint startedAt, params double[] seconds)
    {
        foreach (var second in seconds) _board.Heard(new GangliaPacket("alfa02", "heartbeat", IsValue: true, startedAt), Start.AddSeconds(second));
    }
}
