using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using ThreeRC.Contracts.Monitoring;
using ThreeRC.Monitor.Push;
using ThreeRC.Monitor.Tests.Support;
using ThreeRC.Testing;

namespace ThreeRC.Monitor.Tests.Integration;

/// <summary>
/// The monitor module hearing a real gmond's packets on UDP (Monitor:Push): every gmetric sends to gmond and to the
/// monitor, as a second udp_send_channel does. The XML's limit is 30 s, so that only the push path can find a silence
/// within seconds.
/// </summary>
public sealed class PushDetectionTests : IAsyncLifetime
{
    private static readonly TimeSpan XmlLimit = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(2);

    private Lab _lab = null!;

    public async Task InitializeAsync() => _lab = await Lab.StartWithPushAsync(XmlLimit, Heartbeat);

    public async Task DisposeAsync() => await _lab.DisposeAsync();

    [Fact]
    public async Task A_host_that_stops_sending_is_unresponsive_two_heartbeats_later_and_responsive_at_its_next_packet()
    {
        await using var monitor = await _lab.StartMonitorAsync();
        var push = monitor.Services.GetRequiredService<PushBoard>();
        await Eventually.Until(() => _lab.Hosts.Keys.All(host => push.Sighting(host) is not null), TimeSpan.FromSeconds(20), "every host's heartbeat interval learned");
        var interval = push.Sighting("alfa02")!.Interval;
        Assert.InRange(interval, Heartbeat - TimeSpan.FromSeconds(0.2), Heartbeat + TimeSpan.FromSeconds(1.5));

        var alfa02 = _lab.Hosts["alfa02"];
        await alfa02.StopAsync();
        var (down, declaredAt) = await monitor.Messages.WaitForAsync<HostUnresponsive>(message => message.Name == "alfa02", XmlLimit / 2, "alfa02 unresponsive");

        Assert.Matches(@"^no Ganglia packet for [0-9.]+ s \(limit 2 heartbeats of [0-9.]+ s and 0.3 s\)$", down.Reason);
        Assert.InRange(declaredAt - alfa02.LastRoundStartedAt!.Value, 2 * Heartbeat, XmlLimit / 3);
        Assert.Equal($"127.0.0.1:{_lab.Gmond.AlsoSendTo}", down.Source);

        await alfa02.StartAsync();
        await monitor.Messages.WaitForAsync<HostResponsive>(message => message.Name == "alfa02", XmlLimit / 2, "alfa02 responsive");
        Assert.Equal(["alfa02"], monitor.Messages.Of<HostUnresponsive>().Select(message => message.Name));
    }

    [Fact]
    public async Task Packets_that_are_not_Ganglias_are_dropped_and_the_hosts_are_still_heard()
    {
        await using var monitor = await _lab.StartMonitorAsync();
        var push = monitor.Services.GetRequiredService<PushBoard>();
        using var flood = new System.Net.Sockets.UdpClient();
        var random = new Random(7);
        for (var i = 0; i < 5000; i++)
        {
            var garbage = new byte[random.Next(0, 1600)];
            random.NextBytes(garbage);
            await flood.SendAsync(garbage, garbage.Length, "127.0.0.1", _lab.Gmond.AlsoSendTo!.Value);
        }

        await Eventually.Until(() => _lab.Hosts.Keys.All(host => push.Sighting(host) is not null), TimeSpan.FromSeconds(20), "every host's heartbeat interval learned");
        Assert.Contains(monitor.Services.GetFakeLogCollector().GetSnapshot(), line => line.Message.Contains("that are not Ganglia's", StringComparison.Ordinal));
        Assert.Empty(monitor.Messages.Of<HostUnresponsive>());
    }
}
