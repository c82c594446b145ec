using System.Globalization;
using ThreeRC.Contracts.Monitoring;
using Microsoft.Extensions.DependencyInjection;
using ThreeRC.Monitor.Extensions;
using ThreeRC.Monitor.Push;
using ThreeRC.Testing;
using ThreeRC.Testing.Ganglia;

namespace ThreeRC.Benchmarks.Monitor;

/// <summary>
/// Real gmond, hosts emulated with gmetric --spoof heartbeats, the monitor module on the in-memory bus, for each path
/// in one run: the XML poll (an absolute limit) and push (Monitor:Push: the same packets heard on UDP, silent after two
/// heartbeat intervals and the grace). Each trial stops one host's heartbeats at a random moment and times the gap from
/// the end of its last gmetric call to the arrival of its HostUnresponsive at a consumer; then resumes it and waits for
/// HostResponsive.
/// </summary>
public sealed class DetectionLatencyScenario : IScenario
{
    public string Name => "monitor-detection-latency";

    public string Description =>
        "time from a host's last Ganglia heartbeat to HostUnresponsive, real gmond, XML poll and UDP push side by side; goals: "
        + "XML limit + poll + 1 s, push 2 heartbeats + 0.5 s [--trials 20] [--paths xml,push] [--heartbeat 2] [--limit 6 | --limit none (4 x TMAX)] [--poll 0.5]";

    public async Task RunAsync(string[] arguments, TextWriter output)
    {
        var trials = int.Parse(ScenarioOptions.Value(arguments, "--trials", "20"), CultureInfo.InvariantCulture);
        var heartbeat = TimeSpan.FromSeconds(double.Parse(ScenarioOptions.Value(arguments, "--heartbeat", "2"), CultureInfo.InvariantCulture));
        var limitText = ScenarioOptions.Value(arguments, "--limit", (3 * heartbeat.TotalSeconds).ToString(CultureInfo.InvariantCulture));
        TimeSpan? limit = limitText == "none" ? null : TimeSpan.FromSeconds(double.Parse(limitText, CultureInfo.InvariantCulture));
        var poll = TimeSpan.FromSeconds(double.Parse(ScenarioOptions.Value(arguments, "--poll", "0.5"), CultureInfo.InvariantCulture));
        foreach (var (_, push) in ScenarioOptions.Paths(arguments)) await RunPathAsync(output, push, trials, heartbeat, limit, poll);
    }

    private static async Task RunPathAsync(TextWriter output, bool push, int trials, TimeSpan heartbeat, TimeSpan? limit, TimeSpan poll)
    {
        var gmond = new GmondProcess(alsoSendTo: push ? FreePort.NextUdp() : null);
        using var folder = new TempDirectory("latency");
        try
        {
            await gmond.StartAsync();
            var watched = await gmond.SpoofAsync("alfa01", new SpoofedLoad(0.5, 0.5, 16, 65843012, 41234560), heartbeat);
            var control = await gmond.SpoofAsync("alfa02", interval: heartbeat);
            await using var monitor = await StartMonitorAsync(folder, gmond, limit, poll);
            await monitor.Messages.WaitForAsync<HostLoadReported>(_ => true, TimeSpan.FromSeconds(30), "the first poll");
            // Push judges a host once two of its heartbeats gave its interval: the gmetric pause plus the round's own time.
            var board = monitor.Services.GetRequiredService<PushBoard>();
            var interval = push
                ? await Eventually.Until(() => Task.FromResult(board.Sighting(watched.Name)?.Interval), learned => learned is not null, 6 * heartbeat, "alfa01's interval learned")
                : heartbeat;
            var threshold = push ? 2 * interval!.Value + TimeSpan.FromSeconds(0.5) : (limit ?? TimeSpan.FromSeconds(4 * 20)) + poll + TimeSpan.FromSeconds(1);
            output.WriteLine($"{(push ? "UDP push" : "XML poll")}: real gmond ({gmond.Source}{(push ? $", packets also to UDP {gmond.AlsoSendTo}" : "")}), "
                + $"gmetric --spoof heartbeats every {heartbeat.TotalSeconds:0.#} s"
                + (push ? $" (learned interval {interval!.Value.TotalSeconds:0.000} s), silent after 2 intervals and 0.3 s" : $", threshold {Describe(limit)}, poll every {poll.TotalSeconds:0.###} s")
                + $", {trials} trials");

            var latencies = new List<TimeSpan>();
            for (var trial = 1; trial <= trials; trial++)
            {
                latencies.Add(await TrialAsync(monitor.Messages, watched, trial, threshold + TimeSpan.FromSeconds(30)));
                output.WriteLine($"trial {trial,2}: {latencies[^1].TotalSeconds:0.000} s");
            }

            if (monitor.Messages.Of<HostUnresponsive>().Any(message => message.Name == control.Name))
                output.WriteLine("ERROR: the control host, which never stopped, was declared unresponsive");
            Summarize(output, latencies, threshold, push ? "2 learned intervals + 0.5 s" : "threshold + poll + 1 s");
        }
        finally
        {
            await gmond.DisposeAsync();
        }
    }

    /// <summary>
    /// Stops the host at a random moment after it has reported three rounds since the last trial (as a host back from a
    /// crash runs a while before it may crash again), and times its declaration.
    /// </summary>
    private static async Task<TimeSpan> TrialAsync(MessageLog messages, SpoofedHost host, int trial, TimeSpan timeout)
    {
        await Task.Delay(3 * host.Interval + TimeSpan.FromMilliseconds(Random.Shared.Next(0, 1000)));
        await host.StopAsync();
        var lastReport = host.LastReportAt!.Value;
        var (_, declaredAt) = await messages.WaitForAsync<HostUnresponsive>(
            _ => messages.Of<HostUnresponsive>().Count >= trial, timeout, $"HostUnresponsive number {trial}");
        await host.StartAsync();
        await messages.WaitForAsync<HostResponsive>(_ => messages.Of<HostResponsive>().Count >= trial, TimeSpan.FromSeconds(30), $"HostResponsive number {trial}");
        return messages.Received<HostUnresponsive>()[trial - 1].ReceivedAt - lastReport;
    }

    private static Task<ModuleHost> StartMonitorAsync(TempDirectory folder, GmondProcess gmond, TimeSpan? limit, TimeSpan poll)
    {
        var detection = limit is { } absolute ? $"tmaxFactor: 4\n  absoluteLimit: {absolute.TotalMilliseconds}ms" : "tmaxFactor: 4";
        var inventory = folder.Write("inventory.yaml", $$"""
            detection:
              {{detection}}
            hosts:
              - { name: alfa01, address: 127.0.0.1, ssh: { user: threerc }, driver: libvirt, cpus: 16, memoryMb: 65536, loadThreshold: 12, maxVms: 20 }
              - { name: alfa02, address: 127.0.0.1, ssh: { user: threerc }, driver: libvirt, cpus: 16, memoryMb: 65536, loadThreshold: 12, maxVms: 20 }
            """);
        return ModuleHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["Inventory:Path"] = inventory,
                ["Bus:Transport"] = "InMemory",
                ["Monitor:Sources:0"] = gmond.Source,
                ["Monitor:PollInterval"] = poll.ToString(),
                ["Monitor:Push:Port"] = gmond.AlsoSendTo?.ToString(CultureInfo.InvariantCulture),
                ["Monitor:Push:Bind"] = "127.0.0.1",
                ["Logging:LogLevel:Default"] = "Warning",
            },
            modules => modules.AddMonitor(),
            [typeof(HostUnresponsive), typeof(HostResponsive), typeof(HostLoadReported)]);
    }

    private static void Summarize(TextWriter output, List<TimeSpan> latencies, TimeSpan goal, string goalName)
    {
        var sorted = latencies.Order().ToList();
        var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
        output.WriteLine($"median {median.TotalSeconds:0.000} s, worst {sorted[^1].TotalSeconds:0.000} s, best {sorted[0].TotalSeconds:0.000} s; "
            + $"goal ({goalName}) {goal.TotalSeconds:0.###} s: worst {(sorted[^1] < goal ? "meets" : "misses")} it");
    }

    private static string Describe(TimeSpan? limit) => limit is { } absolute ? $"absolute limit {absolute.TotalSeconds:0.###} s" : "4 x TMAX (80 s)";
}
