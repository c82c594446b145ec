using System.Diagnostics;
using System.Text;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ThreeRC.Contracts.Provisioning;
using ThreeRC.ServiceDefaults.Messaging;
using ThreeRC.StandIns;
using ThreeRC.Testing;

namespace ThreeRC.Benchmarks.PxeProvisioner;

/// <summary>
/// The provisioner as deployed: its own process on a private RabbitMQ, its TFTP root served by dnsmasq. Each round
/// reinstalls one VM: PrepareReinstall → ReinstallPrepared, the entry fetched over TFTP, the installer's call-back →
/// InstallCompleted. Then every VM at once, as when a whole host is lost.
/// </summary>
public sealed class ReinstallRoundTripScenario : IScenario
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public string Name => "pxe-reinstall-round-trip";

    public string Description => "PXE provisioner: prepare, TFTP fetch and call-back latencies over RabbitMQ (args: [rounds=50] [vms=20])";

    public async Task RunAsync(string[] arguments, TextWriter output)
    {
        var rounds = arguments.Length > 0 ? int.Parse(arguments[0]) : 50;
        var vms = arguments.Length > 1 ? int.Parse(arguments[1]) : 20;
        using var data = new TempDirectory("pxe-scenario");
        await using var broker = new RabbitMqBroker();
        await broker.InitializeAsync();
        await using var tftp = new DnsmasqServer();
        await tftp.InitializeAsync();
        var baseUrl = $"http://127.0.0.1:{FreePort.Next()}";
        await using var service = ServiceProcess.StartService("ThreeRC.PxeProvisioner", new Dictionary<string, string?>(broker.BusEnvironment)
        {
            ["Urls"] = baseUrl,
            ["Inventory__Path"] = data.Write("inventory.yaml", Inventory(vms)),
            ["Storage__DataDirectory"] = data.Path,
            ["Pxe__TftpRoot"] = tftp.TftpRoot,
            ["Pxe__CallbackBaseUrl"] = baseUrl,
            ["Logging__LogLevel__Default"] = "Warning",
        });
        await service.WaitForHealthAsync($"{baseUrl}/health");
        var awaited = new AwaitedMessages();
        using var bus = await StartBusAsync(broker, awaited);
        using var client = new HttpClient();

        var prepare = new List<double>();
        var fetch = new List<double>();
        var complete = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            var (p, f, c) = await RoundAsync(bus, awaited, client, tftp, $"vm{round % vms:000}");
            prepare.Add(p);
            fetch.Add(f);
            complete.Add(c);
        }

        var burst = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, vms).Select(i => PrepareAsync(bus, awaited, $"vm{i:000}")));
        burst.Stop();

        output.WriteLine($"{rounds} sequential reinstalls over {vms} VMs (milliseconds):");
        Print(output, "PrepareReinstall -> ReinstallPrepared", prepare);
        Print(output, "pxelinux.cfg entry over TFTP (curl)", fetch);
        Print(output, "call-back POST -> InstallCompleted", complete);
        output.WriteLine($"{vms} PrepareReinstall at once -> all ReinstallPrepared: {burst.Elapsed.TotalMilliseconds:0} ms");
    }

    private static async Task<(double Prepare, double Fetch, double Complete)> RoundAsync(
        IHost bus, AwaitedMessages awaited, HttpClient client, DnsmasqServer tftp, string vm)
    {
        var clock = Stopwatch.StartNew();
        var prepared = await PrepareAsync(bus, awaited, vm);
        var prepare = clock.Elapsed.TotalMilliseconds;

        clock.Restart();
        var entry = await tftp.FetchAsync(prepared.PxeConfigFile);
        var fetch = clock.Elapsed.TotalMilliseconds;
        if (entry.ExitCode != 0) throw new InvalidOperationException($"TFTP fetch of {prepared.PxeConfigFile} failed: {entry}");

        clock.Restart();
        var order = InstallOrder.In(entry.Output, vm) ?? throw new InvalidOperationException($"{prepared.PxeConfigFile} starts no installer: {entry.Output}");
        using var response = await order.CallBackAsync(client);
        response.EnsureSuccessStatusCode();
        await awaited.For<InstallCompleted>(prepared.RecoveryId).WaitAsync(Patience);
        return (prepare, fetch, clock.Elapsed.TotalMilliseconds);
    }

    private static async Task<ReinstallPrepared> PrepareAsync(IHost bus, AwaitedMessages awaited, string vm)
    {
        var command = new PrepareReinstall(Guid.NewGuid(), vm, Guid.NewGuid(), "worker", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddMinutes(5));
        var answer = Task.WhenAny(awaited.For<ReinstallPrepared>(command.RecoveryId), awaited.For<ReinstallRefused>(command.RecoveryId));
        await bus.Services.GetRequiredService<IBus>().Publish(command);
        return await (await answer.WaitAsync(Patience)) as ReinstallPrepared
            ?? throw new InvalidOperationException($"the reinstall of {vm} was refused");
    }

    private static async Task<IHost> StartBusAsync(RabbitMqBroker broker, AwaitedMessages awaited)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(broker.BusConfiguration);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(awaited);
        builder.Services.AddThreeRcBus(builder.Configuration, bus =>
        {
            bus.AddConsumer<ReinstallPreparedArrival>();
            bus.AddConsumer<ReinstallRefusedArrival>();
            bus.AddConsumer<InstallCompletedArrival>();
        });
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static string Inventory(int vms)
    {
        var yaml = new StringBuilder("""
            timers: { rebootWait: 90s, restartWait: 2m, installBudget: 10m }
            hosts:
              - { name: alfa01, address: 10.0.0.11, ssh: { user: threerc }, driver: libvirt, cpus: 64, memoryMb: 262144, loadThreshold: 48, maxVms: 500 }
            profiles:
              - name: worker
                kernel: images/vmlinuz
                initrd: images/initrd.img
                append: "ks=http://10.0.0.2/ks/{role}.cfg threerc.callback={callback} threerc.token={token}"
                role: worker
            vms:

            """);
        for (var i = 0; i < vms; i++)
            yaml.AppendLine($"  - {{ name: vm{i:000}, mac: \"52:54:00:10:{i / 256:x2}:{i % 256:x2}\", address: 10.0.3.{i % 250 + 1}, home: alfa01, memoryMb: 512, definition: /srv/vm/vm{i:000}.xml, profile: worker }}");
        return yaml.ToString();
    }

    private static void Print(TextWriter output, string what, List<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToList();
        double At(double quantile) => sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(quantile * sorted.Count) - 1)];
        output.WriteLine($"  {what,-40} p50 {At(0.5),7:0.0}  p95 {At(0.95),7:0.0}  max {sorted[^1],7:0.0}");
    }
}
