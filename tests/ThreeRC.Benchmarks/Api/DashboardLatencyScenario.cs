using System.Globalization;
using ThreeRC.Testing.Browser;
using ThreeRC.Testing.DataCentre;
using ThreeRC.Testing.Stack;

namespace ThreeRC.Benchmarks.Api;

/// <summary>
/// The dashboard in Debian's chromium, served by the real stack (six processes on RabbitMQ) protecting an emulated data
/// centre. Page load: from the navigation to the VMs' rows drawn. Update: each VM's guest is crashed once; from the
/// incident's opening (RecoveryStarted's time, the orchestrator's clock) to its row showing it recovering, and from the
/// incident's end to the row showing the VM up, as the page's own clock saw them (one machine, one clock).
/// </summary>
public sealed class DashboardLatencyScenario : IScenario
{
    private static readonly Dictionary<string, string[]> Layout = new()
    {
        ["alfa01"] = ["vm01", "vm02", "vm03"],
        ["alfa02"] = ["vm04", "vm05", "vm06"],
    };

    public string Name => "dashboard-latency";

    public string Description => "dashboard page load and event → row latency in chromium, real stack and emulated data centre [--loads 10]";

    public async Task RunAsync(string[] arguments, TextWriter output)
    {
        var loads = int.Parse(ScenarioOptions.Value(arguments, "--loads", "10"), CultureInfo.InvariantCulture);
        await using var chromium = await HeadlessChromium.StartAsync();
        await using var stack = await ProtectedDataCentre.StartAsync(Layout, DataCentreTimers.ForTests,
            settings: new Dictionary<string, string?> { ["Monitor__StateReportInterval"] = "00:00:05" });
        var address = stack.Services.ApiWebAddress + "/";
        output.WriteLine($"{Layout.Values.Sum(vms => vms.Length)} VMs on {Layout.Count} hosts, the dashboard at {address}");

        var loadTimes = new List<double>();
        for (var load = 0; load < loads; load++)
        {
            var fresh = await chromium.NewPageAsync();
            var started = DateTimeOffset.UtcNow;
            await fresh.GotoAsync(address);
            await fresh.Locator("#vms tbody tr").First.WaitForAsync();
            loadTimes.Add((DateTimeOffset.UtcNow - started).TotalMilliseconds);
            await fresh.Context.CloseAsync();
        }

        var page = await chromium.NewPageAsync();
        await page.GotoAsync(address);
        await page.Locator("#vms tbody tr[data-state='up']").Nth(5).WaitForAsync(new() { Timeout = 60_000 });
        await RowStates.RecordAsync(page);
        var (recovering, up) = (new List<double>(), new List<double>());
        foreach (var vm in Layout.Values.SelectMany(vms => vms))
        {
            var crashedAt = DateTimeOffset.UtcNow;
            await stack.DataCentre.CrashGuestAsync(vm);
            var recovery = await new ThreeRC.Api.V1.Recoveries.RecoveriesClient(stack.Api).EndedAsync(vm, crashedAt, TimeSpan.FromSeconds(90));
            await page.Locator($"#vms tr[data-vm='{vm}'][data-state='up']").WaitForAsync(new() { Timeout = 30_000 });
            var states = (await RowStates.OfAsync(page, vm)).Where(state => state.At >= crashedAt).ToList();
            var shownRecovering = states.First(state => state.State == "recovering").At;
            var shownUp = states.Last(state => state.State == "up").At;
            recovering.Add((shownRecovering - recovery.StartedAt.ToDateTimeOffset()).TotalMilliseconds);
            up.Add((shownUp - recovery.CompletedAt.ToDateTimeOffset()).TotalMilliseconds);
            output.WriteLine($"{vm}: recovering shown {recovering[^1]:0} ms after the incident opened, up {up[^1]:0} ms after it ended ({string.Join(" → ", states.Select(state => state.State))})");
        }

        output.WriteLine($"page load to rows drawn ({loads} loads): {Summary(loadTimes)}");
        output.WriteLine($"incident opened → row recovering: {Summary(recovering)}");
        output.WriteLine($"incident ended → row up: {Summary(up)}");
    }

    private static string Summary(List<double> values)
    {
        var sorted = values.Order().ToList();
        return $"median {sorted[sorted.Count / 2]:0} ms, worst {sorted[^1]:0} ms, best {sorted[0]:0} ms";
    }
}
