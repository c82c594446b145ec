using System.Globalization;
using ThreeRC.Api.V1;
using ThreeRC.Testing.Libvirt;
using ThreeRC.Testing.Stack;

namespace ThreeRC.Benchmarks.Libvirt;

/// <summary>
/// The paper's crash campaign on the real hypervisor lab: the six services on RabbitMQ protect four QEMU guests on
/// two libvirt hosts; one fault at a time, of a kind and on a guest drawn from a seeded random sequence, each guest it
/// takes down timed from injection to its first heartbeat after its recovery. A power loss takes down the drawn
/// guest's host; the host is powered on again through its BMC before the next fault. Flap control is narrowed to
/// the lab's window, so each fault is a fresh incident, as the paper's independent crashes were. The same sequence
/// runs once per detection path, on a fresh stack: the XML poll alone, then with every heartbeat also pushed to the
/// monitor (Monitor:Push), and the figures are printed side by side.
/// </summary>
public sealed class LibvirtCampaignScenario : IScenario
{
    private static readonly Dictionary<string, string[]> Layout = new() { ["lab11"] = ["vm11", "vm12"], ["lab12"] = ["vm13", "vm14"] };

    public string Name => "libvirt-crash-campaign";

    public string Description =>
        "Real libvirt + QEMU guests: N seeded faults (destroy, kill -9, hang, panic, host power loss) timed to the first heartbeat, "
        + "per detection path; goal crash -> first heartbeat <= 11 s median with push [--faults 32] [--seed 10] [--paths xml,push] [--output libvirt-campaign-results]";

    public async Task RunAsync(string[] arguments, TextWriter output)
    {
        var count = int.Parse(ScenarioOptions.Value(arguments, "--faults", "32"), CultureInfo.InvariantCulture);
        var seed = int.Parse(ScenarioOptions.Value(arguments, "--seed", "10"), CultureInfo.InvariantCulture);
        var folder = Path.GetFullPath(ScenarioOptions.Value(arguments, "--output", "libvirt-campaign-results"));
        var reports = new List<(string Path, CampaignReport Report)>();
        foreach (var (path, push) in ScenarioOptions.Paths(arguments))
        {
            var report = new CampaignReport(await RunPathAsync(path, push, count, seed, Path.Combine(folder, path), output));
            await output.WriteLineAsync(report.ToText());
            var (text, svg) = report.WriteTo(Path.Combine(folder, path));
            await output.WriteLineAsync($"Written: {text}, {svg}");
            reports.Add((path, report));
        }

        await output.WriteLineAsync(CampaignReport.SideBySide(reports));
    }

    private static async Task<List<FaultMeasurement>> RunPathAsync(string path, bool push, int count, int seed, string folder, TextWriter output)
    {
        await output.WriteLineAsync($"libvirt crash campaign, {path} path: {count} faults, seed {seed}; starting RabbitMQ, the lab and the six services...");
        await using var stack = await ProtectedStack<LibvirtLab>.StartAsync(() => LibvirtLab.StartAsync(Layout, LibvirtLab.Timers, push), LibvirtLab.FlapWindow);
        var lab = stack.DataCentre;
        var runner = new LabFaultRunner(lab, new Recoveries.RecoveriesClient(stack.Api), new Cluster.ClusterClient(stack.Api), output);
        var detection = push ? "pushed to the monitor on UDP too (silent after detection.missedHeartbeats learned intervals)" : "XML poll only";
        await output.WriteLineAsync(
            $"heartbeats every {LibvirtLab.HeartbeatInterval.TotalSeconds:0} s, {detection}; absolute limit {LibvirtLab.Timers.DetectAfter.TotalSeconds:0} s");

        var random = new Random(seed);
        var measured = new List<FaultMeasurement>();
        try
        {
            for (var number = 1; number <= count; number++)
            {
                var vm = lab.Guests[random.Next(lab.Guests.Count)].Name;
                var fault = (LabFault)random.Next(Enum.GetValues<LabFault>().Length);
                measured.AddRange(await runner.InjectAsync(number, vm, fault));
            }
        }
        catch
        {
            var logs = Directory.CreateDirectory(Path.Combine(folder, "logs")).FullName;
            foreach (var process in stack.Services.Processes) await File.WriteAllTextAsync(Path.Combine(logs, process + ".log"), stack.Services.Output(process));
            await output.WriteLineAsync($"The campaign stopped; every service's output is in {logs}");
            throw;
        }

        lab.AssertSafe();
        await output.WriteLineAsync($"safety: the watcher looked {lab.Watcher.Rounds} times (every {DomainWatcher.Interval.TotalMilliseconds:0} ms) and never saw a VM on two hosts");
        return measured;
    }
}
