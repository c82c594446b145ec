using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using ThreeRC.Contracts.Monitoring;
using ThreeRC.Monitor.Tests.Support;
using static ThreeRC.Monitor.Tests.Support.GmondXml;
using static ThreeRC.Monitor.Tests.Support.ScriptedGangliaServer;

namespace ThreeRC.Monitor.Tests.Polling;

/// <summary>
/// A real TCP source that answers well, then badly, then well again. The bad answer is the monitor's own failure:
/// a logged error, a MonitorSourceUnavailable, an unhealthy health check (the only source fails), no host declared down; and the next good
/// answer is read as if nothing had happened.
/// </summary>
public class BadSourceTests
{
    private static readonly byte[] AllFresh = Bytes(Document(Host("alfa01", 1), Host("alfa02", 1), Host("gridce", 1), Host("gridse", 1)));

    public static TheoryData<string, string> BadAnswers => new()
    {
        { "truncated", "not well-formed XML: Unexpected end of file" },
        { "wrong root", "the document starts with <html>, not <GANGLIA_XML>" },
        { "missing attributes", "<HOST NAME=\"alfa02\"> has no TN" },
        { "non-numeric TN", "<HOST NAME=\"alfa02\"> has TN=\"12s\", not a whole number" },
        { "entity bomb", "Reference to undeclared entity 'lol9'" },
        { "past the size limit", "sent a document larger than the 65536 bytes Monitor:MaxDocumentBytes allows" },
        { "garbage bytes", "not well-formed XML" },
        { "accepts and never writes", "did not send its whole document within 2 s (Monitor:ReadTimeout); 0 bytes came" },
    };

    [Theory]
    [MemberData(nameof(BadAnswers))]
    public async Task A_bad_answer_is_a_logged_source_failure_that_declares_no_host_down(string answer, string reason)
    {
        await using var server = new ScriptedGangliaServer(Sends(AllFresh), Bad(answer), Sends(AllFresh));
        await using var monitor = await MonitorUnderTest.StartAsync(TestInventory.Parse(), [server.Source], TimeProvider.System, configure: options =>
        {
            options.MaxDocumentBytes = 64 * 1024;
            // Only the silent source waits out the read timeout; every other must fail for what it sent, however
            // busy the machine (a source sending for ever once hit a 0.5 s timeout before the size limit). The good
            // answers before and after the silent one must come within the timeout too, so not shorter than 2 s.
            options.ReadTimeout = answer == "accepts and never writes" ? TimeSpan.FromSeconds(2) : TimeSpan.FromSeconds(10);
        });
        await monitor.PollAsync();

        await monitor.PollAsync();

        var unavailable = Assert.Single(monitor.Published<MonitorSourceUnavailable>());
        Assert.Equal(server.Source, unavailable.Source);
        Assert.Contains(reason, unavailable.Reason, StringComparison.Ordinal);
        Assert.Contains(monitor.Logs.GetSnapshot(), log => log.Level == LogLevel.Error
            && log.Message.Contains($"Ganglia source {server.Source} failed", StringComparison.Ordinal)
            && log.Message.Contains(reason, StringComparison.Ordinal));
        var health = await monitor.HealthAsync();
        Assert.Equal(HealthStatus.Unhealthy, health.Status);
        Assert.Contains(reason, health.Description, StringComparison.Ordinal);
        Assert.Empty(monitor.Published<HostUnresponsive>());

        await monitor.PollAsync();

        Assert.Equal(server.Source, Assert.Single(monitor.Published<MonitorSourceRestored>()).Source);
        Assert.Equal(HealthStatus.Healthy, (await monitor.HealthAsync()).Status);
        Assert.Empty(monitor.Published<HostUnresponsive>());
    }

    private static Func<Stream, CancellationToken, Task> Bad(string answer) => answer switch
    {
        "truncated" => Sends(AllFresh[..(AllFresh.Length * 2 / 3)]),
        "wrong root" => Sends("<?xml version=\"1.0\"?>\n<html><body>It works!</body></html>\n"u8.ToArray()),
        "missing attributes" => Sends(Bytes(Document(Host("alfa01", 1), Host("alfa02", 1).Replace("TN=\"1\" ", "", StringComparison.Ordinal)))),
        "non-numeric TN" => Sends(Bytes(Document(Host("alfa01", 1), Host("alfa02", 1).Replace("TN=\"1\"", "TN=\"12s\"", StringComparison.Ordinal)))),
        "entity bomb" => Sends(Bytes(HostileXml.BillionLaughs(Body(Host("alfa01", 1), Host("&lol9;", 1))))),
        "past the size limit" => SendsForever(),
        "garbage bytes" => Sends(Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 251)).ToArray()),
        "accepts and never writes" => StaysSilent(),
        _ => throw new ArgumentOutOfRangeException(nameof(answer), answer, null),
    };
}
