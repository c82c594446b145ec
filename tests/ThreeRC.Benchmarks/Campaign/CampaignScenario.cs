using Microsoft.Extensions.Logging;
using ThreeRC.Contracts.Monitoring;
using ThreeRC.Lab.Reporting;
using ThreeRC.Lab.Simulation;
using ThreeRC.Testing;
using ThreeRC.Testing.DataCentre;
using ThreeRC.Testing.Stack;

namespace ThreeRC.Benchmarks.Campaign;

/// <summary>
/// The paper's crash campaign on the real stack: the six services as processes on a private RabbitMQ, protecting
/// an emulated data centre of four hosts and eight VMs (gmond with 2-second heartbeats, sshd hypervisors and guests,
/// ipmi_sim BMCs, dnsmasq TFTP, the confirmation probe on). Faults are injected from a seeded plan, a few at once on
/// different VMs; every VM's incident is followed through the Api. Prints the lab's summary and the campaign's figures.
/// About one fault in <c>controller-every</c> is a fault of the controller itself, at a random moment: a service killed
/// with SIGKILL and started again, or the broker restarted. At the end it counts what must never happen.
///   scenario campaign [faults=30] [seed=1] [concurrency=3] [output=campaign-results] [controller-every=4]
/// </summary>
public sealed class CampaignScenario : IScenario
{
    private static readonly Dictionary<string, string[]> Layout = new()
    {
        ["alfa01"] = ["vm01", "vm02"], ["alfa02"] = ["vm03", "vm04"], ["alfa03"] = ["vm05", "vm06"], ["alfa04"] = ["vm07", "vm08"],
    };

    public string Name => "campaign";

    public string Description =>
        "crash campaign on the real stack, with the controller's own faults: detection, controller overhead (goal p99 <= 500 ms), time to recover per kind, " +
        "and the invariants (all 0) [faults=30 seed=1 concurrency=3 output=campaign-results controller-every=4 (0: none)]";

    public async Task RunAsync(string[] arguments, TextWriter output)
    {
        var faults = int.Parse(arguments.ElementAtOrDefault(0) ?? "30");
        var seed = int.Parse(arguments.ElementAtOrDefault(1) ?? "1");
        var concurrency = int.Parse(arguments.ElementAtOrDefault(2) ?? "3");
        var folder = Path.GetFullPath(arguments.ElementAtOrDefault(3) ?? "campaign-results");
        var controllerEvery = double.Parse(arguments.ElementAtOrDefault(4) ?? "4", System.Globalization.CultureInfo.InvariantCulture);
        var plan = CampaignFault.Plan(seed, faults, [.. Layout.Values.SelectMany(vms => vms)], [.. Layout.Keys], Enum.GetValues<CrashKind>());
        var controllerPlan = ControllerFault.Plan(seed, faults, controllerEvery, ServiceStack.Services, ControllerPause);

        await output.WriteLineAsync($"campaign: {faults} faults, seed {seed}, {concurrency} at once; starting RabbitMQ, the data centre and the six services...");
        // Every fault is a test of its own, as in the paper: a VM crashed again soon is not "flapping" here.
        await using var stack = await ProtectedDataCentre.StartAsync(Layout, DataCentreTimers.ForTests, flapWindow: TimeSpan.FromMilliseconds(1));
        await using var monitorEvents = await ModuleHost.StartAsync(
            new Dictionary<string, string?>(stack.Broker.BusConfiguration) { ["Inventory:Path"] = stack.DataCentre.InventoryFile },
            _ => { }, [typeof(HostUnresponsive), typeof(HostResponsive)], builder => builder.Logging.SetMinimumLevel(LogLevel.Warning));
        var runner = new FaultRunner(stack.DataCentre, new ThreeRC.Api.V1.Recoveries.RecoveriesClient(stack.Api), monitorEvents.Messages, output);

        var started = DateTimeOffset.UtcNow;
        var injector = new ControllerFaultInjector(stack, output);
        using var stopInjecting = new CancellationTokenSource();
        var controllerFaults = injector.RunAsync(controllerPlan, stopInjecting.Token);
        var outcomes = await runner.RunAsync(plan, concurrency);
        await stopInjecting.CancelAsync();
        await controllerFaults;
        var invariants = await InvariantsAsync(stack, outcomes, plan, started, injector.Injected);

        var summary = LabSummary.Of([.. outcomes.Select(outcome => outcome.Record)], stack.DataCentre.Violations.Count);
        var figures = CampaignFigures.Render(outcomes, Emulated);
        var (text, svg) = summary.WriteTo(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "figures.txt"), figures + Environment.NewLine + invariants.ToText());
        var logs = Directory.CreateDirectory(Path.Combine(folder, "logs")).FullName;
        foreach (var service in ServiceStack.Services) await File.WriteAllTextAsync(Path.Combine(logs, service + ".log"), stack.Services.Output(service));
        await output.WriteLineAsync();
        await output.WriteLineAsync(summary.ToText());
        await output.WriteLineAsync(figures);
        await output.WriteLineAsync(invariants.ToText());
        foreach (var failure in outcomes.Where(outcome => outcome.Failure is not null)) await output.WriteLineAsync($"not recovered: {failure.Vm} ({failure.Kind}): {failure.Failure}");
        await output.WriteLineAsync($"Written: {text}, {svg}, {Path.Combine(folder, "figures.txt")}, each service's log in {logs}");
    }

    /// <summary>The mean pause before each controller fault: about one per four guest or host faults at the default concurrency.</summary>
    private static readonly TimeSpan ControllerPause = TimeSpan.FromSeconds(40);

    /// <summary>The invariants, once every incident has ended and its pxelinux entry has had a few seconds to return to local boot.</summary>
    private static async Task<CampaignInvariants> InvariantsAsync(
        ProtectedDataCentre stack, IReadOnlyList<FaultOutcome> outcomes, IReadOnlyList<CampaignFault> plan, DateTimeOffset started, int controllerFaults)
    {
        var recoveries = new ThreeRC.Api.V1.Recoveries.RecoveriesClient(stack.Api);
        var ended = new HashSet<Guid>();
        foreach (var vm in stack.DataCentre.Vms)
            foreach (var incident in await recoveries.IncidentsAsync(vm.Name, started) ?? [])
                if (incident.State != ThreeRC.Api.V1.RecoveryState.Unspecified && incident.CompletedAt is not null) ended.Add(Guid.Parse(incident.Id));
        try
        {
            await Eventually.Until(() => !stack.DataCentre.InstallerEntries().Any(entry => entry.RecoveryId is { } id && ended.Contains(id)), TimeSpan.FromSeconds(10),
                "every ended incident's pxelinux entry back on local boot");
        }
        catch (TimeoutException)
        {
            // Counted below.
        }

        return CampaignInvariants.Of(outcomes, plan, stack.DataCentre, ended, stack.Services.Output("ThreeRC.HypervisorExecutor"), controllerFaults);
    }

    /// <summary>The part of a recovery the emulation itself spends: the boot, and for a reinstall the installer.</summary>
    private static TimeSpan Emulated(CrashKind kind) =>
        kind == CrashKind.Destructive ? EmulatedDataCentre.BootTime + EmulatedDataCentre.InstallTime : EmulatedDataCentre.BootTime;
}
