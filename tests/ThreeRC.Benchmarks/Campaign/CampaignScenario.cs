using Microsoft.Extensions.Logging;
using ThreeRC.Contracts.Monitoring;
using ThreeRC.Node.Lab.Reporting;
using ThreeRC.Node.Lab.Simulation;
using ThreeRC.Testing;
using ThreeRC.Testing.DataCentre;
using ThreeRC.Testing.Stack;

namespace ThreeRC.Benchmarks.Campaign;

/// <summary>
/// The paper's crash campaign on the real stack: the six services as processes on a private RabbitMQ, protecting
/// an emulated data centre of four hosts and eight VMs (gmond with 2-second heartbeats, sshd hypervisors and guests,
/// ipmi_sim BMCs, dnsmasq TFTP, the confirmation probe on). Faults are injected from a seeded plan, a few at once on
/// different VMs; every VM's incident is followed through the Api. Prints the lab's summary and the campaign's figures.
///   scenario campaign [faults=30] [seed=1] [concurrency=3] [output=campaign-results]
/// </summary>
public sealed class CampaignScenario : IScenario
{
    private static readonly Dictionary<string, string[]> Layout = new()
    {
        ["alfa01"] = ["vm01", "vm02"], ["alfa02"] = ["vm03", "vm04"], ["alfa03"] = ["vm05", "vm06"], ["alfa04"] = ["vm07", "vm08"],
    };

    public string Name => "campaign";

    public string Description => "crash campaign on the real stack: detection, controller overhead (goal p99 <= 500 ms), time to recover per kind [faults=30 seed=1 concurrency=3 output=campaign-results]";

    public async Task RunAsync(string[] arguments, TextWriter output)
    {
        var faults = int.Parse(arguments.ElementAtOrDefault(0) ?? "30");
        var seed = int.Parse(arguments.ElementAtOrDefault(1) ?? "1");
        var concurrency = int.Parse(arguments.ElementAtOrDefault(2) ?? "3");
        var folder = Path.GetFullPath(arguments.ElementAtOrDefault(3) ?? "campaign-results");
        var plan = CampaignFault.Plan(seed, faults, [.. Layout.Values.SelectMany(vms => vms)], [.. Layout.Keys], Enum.GetValues<CrashKind>());

        await output.WriteLineAsync($"campaign: {faults} faults, seed {seed}, {concurrency} at once; starting RabbitMQ, the data centre and the six services...");
        // Every fault is a test of its own, as in the paper: a VM crashed again soon is not "flapping" here.
        await using var stack = await ProtectedDataCentre.StartAsync(Layout, DataCentreTimers.ForTests, flapWindow: TimeSpan.FromMilliseconds(1));
        await using var monitorEvents = await ModuleHost.StartAsync(
            new Dictionary<string, string?>(stack.Broker.BusConfiguration) { ["Inventory:Path"] = stack.DataCentre.InventoryFile },
            _ => { }, [typeof(HostUnresponsive), typeof(HostResponsive)], builder => builder.Logging.SetMinimumLevel(LogLevel.Warning));
        var runner = new FaultRunner(stack.DataCentre, new ThreeRC.Api.V1.Recoveries.RecoveriesClient(stack.Api), monitorEvents.Messages, output);

        var outcomes = await runner.RunAsync(plan, concurrency);

        var summary = LabSummary.Of([.. outcomes.Select(outcome => outcome.Record)], stack.DataCentre.Violations.Count);
        var figures = CampaignFigures.Render(outcomes, Emulated);
        var (text, svg) = summary.WriteTo(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "figures.txt"), figures);
        var logs = Directory.CreateDirectory(Path.Combine(folder, "logs")).FullName;
        foreach (var service in ServiceStack.Services) await File.WriteAllTextAsync(Path.Combine(logs, service + ".log"), stack.Services.Output(service));
        await output.WriteLineAsync();
        await output.WriteLineAsync(summary.ToText());
        await output.WriteLineAsync(figures);
        foreach (var failure in outcomes.Where(outcome => outcome.Failure is not null)) await output.WriteLineAsync($"not recovered: {failure.Vm} ({failure.Kind}): {failure.Failure}");
        await output.WriteLineAsync($"Written: {text}, {svg}, {Path.Combine(folder, "figures.txt")}, each service's log in {logs}");
    }

    /// <summary>The part of a recovery the emulation itself spends: the boot, and for a reinstall the installer.</summary>
    private static TimeSpan Emulated(CrashKind kind) =>
        kind == CrashKind.Destructive ? EmulatedDataCentre.BootTime + EmulatedDataCentre.InstallTime : EmulatedDataCentre.BootTime;
}
