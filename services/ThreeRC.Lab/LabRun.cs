using System.Net;
using System.Net.Sockets;
using Spectre.Console;
using ThreeRC.Api.Extensions;
using ThreeRC.HypervisorExecutor.Extensions;
using ThreeRC.Monitor.Extensions;
using ThreeRC.Lab.Console;
using ThreeRC.Lab.Progress;
using ThreeRC.Lab.Reporting;
using ThreeRC.Lab.Simulation;
using ThreeRC.Orchestrator.Extensions;
using ThreeRC.Placement.Extensions;
using ThreeRC.PxeProvisioner.Extensions;
using ThreeRC.ServiceDefaults;
using ThreeRC.ServiceDefaults.Hosting;

namespace ThreeRC.Lab;

/// <summary>
/// Every ThreeRC module in one process, unchanged, on the in-memory bus, watching a simulated data centre: the
/// monitor reads its gmond XML over TCP, the executor acts on it, the provisioner writes its pxelinux entries.
/// </summary>
internal static class LabRun
{
    public static async Task<int> RunAsync(LabSettings settings, CancellationToken cancellationToken)
    {
        settings = settings with { GangliaPort = FreeLoopbackPort(), OutputDirectory = Path.GetFullPath(settings.OutputDirectory) };
        var data = Path.Combine(settings.OutputDirectory, "data");
        if (Directory.Exists(data)) Directory.Delete(data, recursive: true);
        Directory.CreateDirectory(data);
        var inventory = Path.Combine(settings.OutputDirectory, "inventory.yaml");
        await File.WriteAllTextAsync(inventory, LabInventory.Yaml(settings), cancellationToken);
        var tftp = Path.Combine(data, "tftp");

        var builder = ServiceHost.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Urls"] = $"http://127.0.0.1:{settings.HttpPort};http://127.0.0.1:{settings.GrpcPort}",
            ["Api:GrpcPort"] = settings.GrpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Bus:Transport"] = "InMemory",
            ["Inventory:Path"] = inventory,
            ["Storage:DataDirectory"] = data,
            ["Monitor:Sources:0"] = $"127.0.0.1:{settings.GangliaPort}",
            ["Monitor:PollInterval"] = "00:00:01",
            ["Pxe:TftpRoot"] = tftp,
            ["Pxe:CallbackBaseUrl"] = $"http://127.0.0.1:{settings.HttpPort}",
            ["Orchestrator:SlotRetryInterval"] = "00:00:01",
        });
        builder.AddServiceDefaults(modules => modules
            .AddMonitor()
            .AddOrchestrator()
            .AddPlacement()
            .AddHypervisorExecutor(executor => executor.UseExecutor<LabHypervisor>())
            .AddPxeProvisioner()
            .AddApi()
            .AddLab(settings, tftp));
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new FileLoggerProvider(Path.Combine(settings.OutputDirectory, "lab.log")));

        var app = builder.Build();
        app.MapDefaultEndpoints();
        await app.StartAsync(cancellationToken);
        AnsiConsole.MarkupLine($"[bold]ThreeRC lab[/]: {settings.Hosts} hosts, {settings.Hosts * settings.VmsPerHost} VMs, a crash every {LabCommand.Seconds(settings.CrashEvery)} s on average for {settings.Duration}, seed {settings.Seed}.");
        AnsiConsole.MarkupLine($"Watch it live: [link]http://127.0.0.1:{settings.HttpPort}/[/] (the dashboard).");
        AnsiConsole.MarkupLine($"Health: http://127.0.0.1:{settings.HttpPort}/health. CLI: threerc --api http://127.0.0.1:{settings.GrpcPort} status. Logs: {Markup.Escape(Path.Combine(settings.OutputDirectory, "lab.log"))}. Ctrl+C ends it early.");

        var time = app.Services.GetRequiredService<TimeProvider>();
        var journal = app.Services.GetRequiredService<LabJournal>();
        var dataCentre = app.Services.GetRequiredService<DataCentre>();
        var view = new LabLiveView(journal, app.Services.GetRequiredService<RecoveryBoard>(), dataCentre, time);
        var injectionEnd = time.GetUtcNow() + settings.Duration;
        await view.ShowUntilAsync(injectionEnd, injectionEnd + settings.Settle, cancellationToken);
        await app.StopAsync(CancellationToken.None);

        var summary = LabSummary.Of(journal.Records(), dataCentre.SafetyViolations);
        var (text, svg) = summary.WriteTo(settings.OutputDirectory);
        AnsiConsole.WriteLine();
        AnsiConsole.Write(new Text(summary.ToText()));
        AnsiConsole.MarkupLine($"Written: {Markup.Escape(text)} and {Markup.Escape(svg)}");
        return summary.SafetyViolations == 0 ? 0 : 3;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
