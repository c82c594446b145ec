using System.Diagnostics;
using System.Globalization;
using ThreeRC.Monitor.Ganglia;

namespace ThreeRC.Benchmarks.Monitor;

/// <summary>
/// The parse of a 1,000 hosts x 30 metrics gmetad document, timed both by the wall clock and by the CPU time the
/// process used: on a shared machine the wall clock counts the time other processes held the cores, CPU time does not.
/// </summary>
public sealed class ParseCostScenario : IScenario
{
    public string Name => "monitor-parse-cost";

    public string Description => "wall and CPU time and allocation of one parse of 1,000 hosts x 30 metrics; goal < 50 ms, < 2 x the size [--runs 50]";

    public Task RunAsync(string[] arguments, TextWriter output)
    {
        var index = Array.IndexOf(arguments, "--runs");
        var runs = index >= 0 ? int.Parse(arguments[index + 1], CultureInfo.InvariantCulture) : 50;
        var document = new LargeGangliaDocument(hosts: 1000, metricsPerHost: 30);
        for (var warmup = 0; warmup < 10; warmup++) Parse(document);

        var process = Process.GetCurrentProcess();
        var wall = new List<double>();
        var cpu = new List<double>();
        var allocated = new List<long>();
        for (var run = 0; run < runs; run++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            Parse(document);
            wall.Add(clock.Elapsed.TotalMilliseconds);
            allocated.Add(GC.GetAllocatedBytesForCurrentThread() - bytesBefore);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
        }

        output.WriteLine($"document: {document.Bytes.Length:N0} bytes (1,000 hosts x 30 metrics), {runs} parses; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        output.WriteLine($"wall time: median {Median(wall):0.0} ms, worst {wall.Max():0.0} ms");
        output.WriteLine($"CPU time:  median {Median(cpu):0.0} ms (the process, all threads; the kernel counts in 4-10 ms ticks)");
        output.WriteLine($"allocated: {allocated.Average() / 1e6:0.00} MB per parse = {allocated.Average() / document.Bytes.Length:0.00} x the document");
        return Task.CompletedTask;
    }

    private static int Parse(LargeGangliaDocument document) => GangliaXmlParser.Parse(new MemoryStream(document.Bytes, writable: false)).Hosts.Count;

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
    }
}
