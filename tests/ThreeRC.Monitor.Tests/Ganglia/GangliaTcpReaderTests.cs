using System.Diagnostics;
using ThreeRC.Monitor.Ganglia;
using ThreeRC.Monitor.Options;
using ThreeRC.Monitor.Tests.Support;
using ThreeRC.Testing;
using static ThreeRC.Monitor.Tests.Support.ScriptedGangliaServer;

namespace ThreeRC.Monitor.Tests.Ganglia;

/// <summary>The reader against real TCP connections to sources that behave, and to sources that do not.</summary>
public class GangliaTcpReaderTests
{
    [Fact]
    public async Task A_document_served_over_TCP_parses_as_the_file_does()
    {
        await using var server = new ScriptedGangliaServer(Sends(Sample.Bytes("gmetad-two-clusters.xml")));

        var document = await Reader().ReadAsync(GangliaSource.Parse(server.Source), CancellationToken.None);

        Assert.Equal(Sample.Parse("gmetad-two-clusters.xml").Hosts, document.Hosts);
    }

    [Fact]
    public async Task A_document_past_the_size_limit_is_refused_as_soon_as_it_passes_the_limit()
    {
        await using var server = new ScriptedGangliaServer(SendsForever());
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<GangliaSourceException>(() =>
            Reader(maxDocumentBytes: 1_000_000, readTimeout: TimeSpan.FromMinutes(5)).ReadAsync(GangliaSource.Parse(server.Source), CancellationToken.None));

        Assert.Equal("sent a document larger than the 1000000 bytes Monitor:MaxDocumentBytes allows", error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(1), $"took {clock.Elapsed}: the limit was not enforced while reading");
    }

    [Fact]
    public async Task A_source_that_accepts_and_never_writes_times_out()
    {
        await using var server = new ScriptedGangliaServer(StaysSilent());

        var error = await Assert.ThrowsAsync<GangliaSourceException>(() =>
            Reader(readTimeout: TimeSpan.FromMilliseconds(500)).ReadAsync(GangliaSource.Parse(server.Source), CancellationToken.None));

        Assert.Equal("did not send its whole document within 0.5 s (Monitor:ReadTimeout); 0 bytes came", error.Message);
    }

    [Fact]
    public async Task A_source_that_writes_a_byte_now_and_then_has_one_deadline_for_the_whole_document()
    {
        await using var server = new ScriptedGangliaServer(Drips());

        var error = await Assert.ThrowsAsync<GangliaSourceException>(() =>
            Reader(readTimeout: TimeSpan.FromSeconds(1)).ReadAsync(GangliaSource.Parse(server.Source), CancellationToken.None));

        Assert.Matches(@"^did not send its whole document within 1 s \(Monitor:ReadTimeout\); [1-9][0-9]* bytes came$", error.Message);
    }

    [Fact]
    public async Task A_source_nobody_listens_on_cannot_be_reached()
    {
        var error = await Assert.ThrowsAsync<GangliaSourceException>(() =>
            Reader().ReadAsync(new GangliaSource("127.0.0.1", FreePort.Next()), CancellationToken.None));

        Assert.Equal("cannot be reached: connection refused", error.Message);
    }

    [Fact]
    public async Task A_source_that_hangs_up_without_a_word_sent_no_document()
    {
        await using var server = new ScriptedGangliaServer(Sends([]));

        var error = await Assert.ThrowsAsync<GangliaSourceException>(() => Reader().ReadAsync(GangliaSource.Parse(server.Source), CancellationToken.None));

        Assert.Equal("closed the connection without sending a document", error.Message);
    }

    [Fact]
    public async Task A_broken_document_is_a_source_failure_that_says_what_and_where()
    {
        await using var server = new ScriptedGangliaServer(Sends(GmondXml.Bytes(GmondXml.Document(GmondXml.Host("alfa01", 3).Replace("TN=\"3\"", "TN=\"x\"", StringComparison.Ordinal)))));

        var error = await Assert.ThrowsAsync<GangliaSourceException>(() => Reader().ReadAsync(GangliaSource.Parse(server.Source), CancellationToken.None));

        Assert.Matches("^sent a broken document: line [0-9]+, position [0-9]+: <HOST NAME=\"alfa01\"> has TN=\"x\"", error.Message);
    }

    private static GangliaTcpReader Reader(int maxDocumentBytes = 64 * 1024 * 1024, TimeSpan? readTimeout = null) => new(
        Microsoft.Extensions.Options.Options.Create(new MonitorOptions
        {
            ConnectTimeout = TimeSpan.FromSeconds(2),
            ReadTimeout = readTimeout ?? TimeSpan.FromSeconds(10),
            MaxDocumentBytes = maxDocumentBytes,
        }),
        TimeProvider.System);
}
