using Microsoft.Extensions.Time.Testing;
using static ThreeRC.Monitor.Tests.Support.GmondXml;

namespace ThreeRC.Monitor.Tests.Support;

/// <summary>
/// A monitor polled by hand on a fake clock, its sources scripted: <see cref="Gmond"/> by default, answering the
/// four hosts of <see cref="TestInventory"/>.
/// </summary>
public abstract class PollingScenario : IAsyncDisposable
{
    protected const string Gmond = "10.0.0.5:8649";
    protected const string Gmetad = "10.0.0.6:8651";

    private MonitorUnderTest? _monitor;

    private protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 26, 4, 0, 0, TimeSpan.Zero));

    private protected ScriptedReader Ganglia { get; } = new();

    public async ValueTask DisposeAsync()
    {
        if (_monitor is not null) await _monitor.DisposeAsync();
    }

    /// <summary>A monitor whose first poll, done, found every host fresh; what it announced then is left out of what the test sees.</summary>
    private protected async Task<MonitorUnderTest> StartWithEveryHostFreshAsync()
    {
        var monitor = await StartAsync();
        Ganglia.Answer(Gmond, Hosts());
        await monitor.PollAsync();
        monitor.ForgetPublished();
        return monitor;
    }

    /// <summary>Moves the clock on, sets what the gmond source answers, and polls.</summary>
    private protected async Task PollAfterAsync(TimeSpan wait, params string[] hosts)
    {
        Clock.Advance(wait);
        Ganglia.Answer(Gmond, hosts);
        await _monitor!.PollAsync();
    }

    /// <summary>Moves the clock on, makes the gmond source refuse connections, and polls.</summary>
    private protected async Task PollRefusedAfterAsync(TimeSpan wait)
    {
        Clock.Advance(wait);
        Ganglia.Fail(Gmond, "cannot be reached: connection refused");
        await _monitor!.PollAsync();
    }

    /// <summary>The four hosts of the test inventory (gridse last), each with the TN given or a fresh one.</summary>
    protected static string[] Hosts(int alfa01 = 3, int alfa02 = 3, int gridce = 1, int gridse = 2) =>
        [Host("alfa01", alfa01), Host("alfa02", alfa02), Host("gridce", gridce), Host("gridse", gridse)];

    private protected async Task<MonitorUnderTest> StartAsync(string detection = "tmaxFactor: 4", string[]? sources = null, int sshPort = 22) =>
        _monitor = await MonitorUnderTest.StartAsync(TestInventory.Parse(detection, sshPort), sources ?? [Gmond], Clock, Ganglia);
}
