using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Options;
using ThreeRC.Monitor.Ganglia;
using ThreeRC.Monitor.Options;

namespace ThreeRC.Benchmarks.Monitor;

/// <summary>
/// One poll of a gmetad document of 1,000 hosts x 30 metrics (about 10 MB): parsing it from memory, and reading it
/// from a loopback socket as the monitor does. Goal: under 50 ms and under 2 x the document's size allocated per poll.
/// </summary>
[MemoryDiagnoser]
public class GangliaParserBenchmarks
{
    private readonly CancellationTokenSource _stop = new();
    private TcpListener? _server;
    private GangliaSource _source = null!;
    private GangliaTcpReader _reader = null!;

    /// <summary>The document, shown in the summary with its size.</summary>
    [ParamsSource(nameof(Documents))]
    public LargeGangliaDocument Document { get; set; } = null!;

    public static IEnumerable<LargeGangliaDocument> Documents() => [new(hosts: 1000, metricsPerHost: 30)];

    [GlobalSetup]
    public void Setup()
    {
        _server = new TcpListener(IPAddress.Loopback, 0);
        _server.Start();
        _ = ServeAsync(_server);
        _source = new GangliaSource("127.0.0.1", ((IPEndPoint)_server.LocalEndpoint).Port);
        _reader = new GangliaTcpReader(Options.Create(new MonitorOptions()), TimeProvider.System);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _stop.Cancel();
        _server?.Stop();
    }

    [Benchmark(Baseline = true)]
    public int ParseFromMemory() => GangliaXmlParser.Parse(new MemoryStream(Document.Bytes, writable: false)).Hosts.Count;

    [Benchmark]
    public async Task<int> ReadFromLoopbackSocket() => (await _reader.ReadAsync(_source, CancellationToken.None)).Hosts.Count;

    private async Task ServeAsync(TcpListener server)
    {
        while (!_stop.IsCancellationRequested)
        {
            using var client = await server.AcceptTcpClientAsync(_stop.Token);
            await client.GetStream().WriteAsync(Document.Bytes, _stop.Token);
        }
    }
}
