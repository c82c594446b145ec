using System.Diagnostics;
using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ThreeRC.Api.V1;
using ThreeRC.Contracts.Hypervisor;
using ThreeRC.Contracts.Monitoring;
using ThreeRC.Contracts.Recovery;
using ThreeRC.ServiceDefaults.Messaging;
using ThreeRC.Testing;
using RecoveryLevel = ThreeRC.Contracts.Recovery.RecoveryLevel;
using RecoveryStep = ThreeRC.Contracts.Recovery.RecoveryStep;

namespace ThreeRC.Benchmarks.Api;

/// <summary>
/// The Api built in Release, alone on a private RabbitMQ: how many events per second its one serial queue
/// takes into the read model, how long the queries take once it holds thousands of incidents, and how long an
/// event takes from publication to a watcher.
/// </summary>
public sealed class ApiReadModelScenario : IScenario
{
    private const int Repetitions = 50;

    public string Name => "api-read-model";

    public string Description => "Api on RabbitMQ: events/s into the read model; query and watch latency (args: [incidents=2000] [vms=200])";

    public async Task RunAsync(string[] arguments, TextWriter output)
    {
        var incidents = arguments.Length > 0 ? int.Parse(arguments[0], CultureInfo.InvariantCulture) : 2000;
        var vmCount = arguments.Length > 1 ? int.Parse(arguments[1], CultureInfo.InvariantCulture) : 200;
        var hosts = Enumerable.Range(1, 20).Select(i => $"host{i:00}").ToList();
        var vms = Enumerable.Range(1, vmCount).Select(i => new GeneratedVm($"vm{i:000}", hosts[i % hosts.Count])).ToList();

        var broker = new RabbitMqBroker();
        using var data = new TempDirectory("api-benchmark");
        await broker.InitializeAsync();
        try
        {
            var (http, grpc) = (FreePort.Next(), FreePort.Next());
            await using var api = ServiceProcess.StartService("ThreeRC.Api", new Dictionary<string, string?>(broker.BusEnvironment)
            {
                ["Urls"] = $"http://127.0.0.1:{http};http://127.0.0.1:{grpc}",
                ["Api__GrpcPort"] = grpc.ToString(CultureInfo.InvariantCulture),
                ["Inventory__Path"] = data.Write("inventory.yaml", GeneratedInventory.Yaml(hosts, vms)),
                ["Storage__DataDirectory"] = data.Path,
                ["Logging__LogLevel__Default"] = "Warning",
            });
            await api.WaitForHealthAsync($"http://127.0.0.1:{http}/health");
            using var publisher = await StartPublisherAsync(broker);
            using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{grpc}");
            var bus = publisher.Services.GetRequiredService<IBus>();

            output.WriteLine($"Api {RepositoryRoot.Configuration} on RabbitMQ; {hosts.Count} hosts, {vms.Count} VMs, {incidents} incidents of 5 events each");
            await IngestAsync(bus, channel, vms, incidents, output);
            await QueryAsync(channel, output);
            await WatchLatencyAsync(bus, channel, output);
        }
        finally
        {
            await broker.DisposeAsync();
        }
    }

    private static async Task IngestAsync(IBus bus, GrpcChannel channel, List<GeneratedVm> vms, int incidents, TextWriter output)
    {
        using var watch = new Events.EventsClient(channel).WatchEvents(new WatchEventsRequest { Kinds = { "RecoveryCompleted" } });
        await watch.ResponseHeadersAsync;
        var start = DateTimeOffset.UtcNow.AddDays(-20);
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, incidents), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, cancel) =>
        {
            var (id, vm, at) = (Guid.NewGuid(), vms[i % vms.Count].Name, start.AddMinutes(i * 10));
            await bus.Publish(new RecoveryStarted(id, vm, RecoveryLevel.Reboot, "benchmark", at.AddMinutes(-2), at), cancel);
            await bus.Publish(new RecoveryStepStarted(id, vm, RecoveryStep.Reboot, null, "ssh reboot", at), cancel);
            await bus.Publish(new GuestRebootFailed(id, vm, Guid.NewGuid(), "connection timed out", false, "root@vm: reboot", at.AddSeconds(5)), cancel);
            await bus.Publish(new RecoveryStepStarted(id, vm, RecoveryStep.Restart, "host01", "virsh start", at.AddMinutes(3)), cancel);
            await bus.Publish(new RecoveryCompleted(id, vm, RecoveryOutcome.Recovered, "reports again", at.AddMinutes(-2), at, at.AddMinutes(4),
                TimeSpan.FromMinutes(4), [new RecoveryStepRecord(RecoveryStep.Reboot, null, "ssh reboot", at, at.AddMinutes(3))]), cancel);
        });
        var published = clock.Elapsed;
        for (var completed = 0; completed < incidents && await watch.ResponseStream.MoveNext(CancellationToken.None);) completed++;
        var consumed = clock.Elapsed;

        output.WriteLine(Invariant($"ingest: {incidents * 5} events published in {published.TotalSeconds:0.0} s, all consumed after {consumed.TotalSeconds:0.0} s: {incidents * 5 / consumed.TotalSeconds:0} events/s"));
    }

    private static async Task QueryAsync(GrpcChannel channel, TextWriter output)
    {
        var cluster = new Cluster.ClusterClient(channel);
        var recoveries = new Recoveries.RecoveriesClient(channel);
        var reports = new Reports.ReportsClient(channel);
        var first = await recoveries.ListRecoveriesAsync(new ListRecoveriesRequest { PageSize = 50 });
        var deep = new ListRecoveriesRequest { PageSize = 50 };
        for (var page = 0; page < 20; page++) deep.PageToken = (await recoveries.ListRecoveriesAsync(deep)).NextPageToken;
        var window = new AvailabilityReportRequest { WindowStart = DateTimeOffset.UtcNow.AddDays(-30).ToTimestamp() };

        await Measure("ListVms (all)", () => cluster.ListVmsAsync(new ListVmsRequest()).ResponseAsync, output);
        await Measure("ListHosts", () => cluster.ListHostsAsync(new ListHostsRequest()).ResponseAsync, output);
        await Measure("ListRecoveries first page of 50", () => recoveries.ListRecoveriesAsync(new ListRecoveriesRequest { PageSize = 50 }).ResponseAsync, output);
        await Measure("ListRecoveries page 21 of 50", () => recoveries.ListRecoveriesAsync(deep).ResponseAsync, output);
        await Measure("GetRecovery (timeline)", () => recoveries.GetRecoveryAsync(new GetRecoveryRequest { Id = first.Recoveries[0].Id }).ResponseAsync, output);
        await Measure("GetAvailabilityReport 30 days, every VM", () => reports.GetAvailabilityReportAsync(window).ResponseAsync, output);
    }

    private static async Task WatchLatencyAsync(IBus bus, GrpcChannel channel, TextWriter output)
    {
        using var watch = new Events.EventsClient(channel).WatchEvents(new WatchEventsRequest { Kinds = { "HostResponsive" } });
        await watch.ResponseHeadersAsync;
        var latencies = new List<TimeSpan>();
        for (var i = 0; i < Repetitions * 4; i++)
        {
            var clock = Stopwatch.StartNew();
            await bus.Publish(new HostResponsive("host01", HostKind.Physical, "host01", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, "bench:8649"));
            await watch.ResponseStream.MoveNext(CancellationToken.None);
            latencies.Add(clock.Elapsed);
        }

        output.WriteLine(Summary("watch: publish to watcher", latencies));
    }

    private static async Task Measure<T>(string what, Func<Task<T>> call, TextWriter output)
    {
        await call();
        var latencies = new List<TimeSpan>();
        for (var i = 0; i < Repetitions; i++)
        {
            var clock = Stopwatch.StartNew();
            await call();
            latencies.Add(clock.Elapsed);
        }

        output.WriteLine(Summary(what, latencies));
    }

    private static string Summary(string what, List<TimeSpan> latencies)
    {
        var sorted = latencies.Order().ToList();
        return Invariant($"{what}: p50 {sorted[sorted.Count / 2].TotalMilliseconds:0.0} ms, p95 {sorted[sorted.Count * 95 / 100].TotalMilliseconds:0.0} ms, max {sorted[^1].TotalMilliseconds:0.0} ms ({sorted.Count} calls)");
    }

    private static async Task<IHost> StartPublisherAsync(RabbitMqBroker broker)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(broker.BusConfiguration);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddThreeRcBus(builder.Configuration, _ => { });
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
