using ThreeRC.Api.V1;
using ThreeRC.Testing.Libvirt;
using ThreeRC.Testing.Stack;

namespace ThreeRC.Benchmarks.Libvirt;

/// <summary>
/// The paper's crash campaign on the real hypervisor lab: the six services on RabbitMQ protect four QEMU guests on
/// two libvirt hosts; one fault at a time, of a kind and on a guest drawn from a seeded random sequence, each guest it
/// takes down timed from injection to its first heartbeat after its recovery. A power loss takes down the drawn
/// guest's host; the host is powered on again through its BMC before the next fault. Flap control is narrowed to
/// the lab's window, so each fault is a fresh incident, as the paper's independent crashes were.
///   scenario libvirt-crash-campaign [faults=32] [seed=10] [output=libvirt-campaign-results]
/// </summary>
public sealed class LibvirtCampaignScenario : IScenario
{
    private static readonly Dictionary<string, string[]> Layout = new() { ["lab11"] = ["vm11", "vm12"], ["lab12"] = ["vm13", "vm14"] };

    public string Name => "libvirt-crash-campaign";

    public string Description =>
        "Real libvirt + QEMU guests: N seeded faults (destroy, kill -9, hang, panic, host power loss) timed to the first heartbeat [faults=32 seed=10 output=libvirt-campaign-results]";

    public async Task RunAsync(string[] arguments, TextWriter output)
    {
        var count = int.Parse(arguments.ElementAtOrDefault(0) ?? "32");
        var seed = int.Parse(arguments.ElementAtOrDefault(1) ?? "10");
        var folder = Path.GetFullPath(arguments.ElementAtOrDefault(2) ?? "libvirt-campaign-results");
        await output.WriteLineAsync($"libvirt crash campaign: {count} faults, seed {seed}; starting RabbitMQ, the lab and the six services...");
        await using var stack = await ProtectedStack<LibvirtLab>.StartAsync(() => LibvirtLab.StartAsync(Layout, LibvirtLab.Timers), LibvirtLab.FlapWindow);
        var lab = stack.DataCentre;
        var runner = new LabFaultRunner(lab, new Recoveries.RecoveriesClient(stack.Api), new Cluster.ClusterClient(stack.Api), output);

        await output.WriteLineAsync($"heartbeats every {LibvirtLab.HeartbeatInterval.TotalSeconds:0} s, detection limit {LibvirtLab.Timers.DetectAfter.TotalSeconds:0} s");
        var random = new Random(seed);
        var measured = new List<FaultMeasurement>();
        for (var number = 1; number <= count; number++)
        {
            var vm = lab.Guests[random.Next(lab.Guests.Count)].Name;
            var fault = (LabFault)random.Next(Enum.GetValues<LabFault>().Length);
            measured.AddRange(await runner.InjectAsync(number, vm, fault));
        }

        lab.AssertSafe();
        await output.WriteLineAsync($"safety: the watcher looked {lab.Watcher.Rounds} times (every {DomainWatcher.Interval.TotalMilliseconds:0} ms) and never saw a VM on two hosts");
        var report = new CampaignReport(measured);
        await output.WriteLineAsync(report.ToText());
        var (text, svg) = report.WriteTo(folder);
        await output.WriteLineAsync($"Written: {text}, {svg}");
    }
}
