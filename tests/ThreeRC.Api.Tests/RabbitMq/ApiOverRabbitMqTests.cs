using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ThreeRC.Api.Consumers;
using ThreeRC.Api.Tests.Fixtures;
using ThreeRC.Api.V1;
using ThreeRC.Contracts.Hypervisor;
using ThreeRC.Contracts.Monitoring;
using ThreeRC.Contracts.Placement;
using ThreeRC.ServiceDefaults.Messaging;
using ThreeRC.Testing;
using FencingAlert = ThreeRC.Contracts.Recovery.FencingAlert;
using FencingHalted = ThreeRC.Contracts.Recovery.FencingHalted;
using RecoveryOutcome = ThreeRC.Contracts.Recovery.RecoveryOutcome;
using RecoveryStep = ThreeRC.Contracts.Recovery.RecoveryStep;
using RecoveryStepRecord = ThreeRC.Contracts.Recovery.RecoveryStepRecord;

namespace ThreeRC.Api.Tests.RabbitMq;

/// <summary>The Api built as its own process on a private RabbitMQ; the test publishes as the other services would.</summary>
public sealed class ApiOverRabbitMq : IAsyncLifetime
{
    private readonly TempDirectory _data = new("api-rabbitmq");

    public RabbitMqBroker Broker { get; } = new();

    public ServiceProcess Api { get; private set; } = null!;

    public IHost Publisher { get; private set; } = null!;

    public GrpcChannel Channel { get; private set; } = null!;

    /// <summary>The Api's HTTP address: /health, /metrics.</summary>
    public string HttpUrl { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Broker.InitializeAsync();
        var (http, grpc) = (FreePort.Next(), FreePort.Next());
        Api = ServiceProcess.StartService("ThreeRC.Api", new Dictionary<string, string?>(Broker.BusEnvironment.Concat(TestStorage.Environment(_data.Path)))
        {
            ["Urls"] = $"http://127.0.0.1:{http};http://127.0.0.1:{grpc}",
            ["Api__GrpcPort"] = grpc.ToString(),
            ["Api__ApiKey"] = ApiHost.Key,
            ["Inventory__Path"] = _data.Write("inventory.yaml", TestInventory.Yaml()),
        });
        HttpUrl = $"http://127.0.0.1:{http}";
        await Api.WaitForHealthAsync($"{HttpUrl}/health");
        Channel = GrpcChannel.ForAddress($"http://127.0.0.1:{grpc}");

        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(Broker.BusConfiguration);
        builder.Services.AddThreeRcBus(builder.Configuration, _ => { });
        Publisher = builder.Build();
        await Publisher.StartAsync();
    }

    public Task PublishAsync(object message) => Publisher.Services.GetRequiredService<IBus>().Publish(message, message.GetType());

    public async Task DisposeAsync()
    {
        Channel?.Dispose();
        if (Publisher is not null) await Publisher.StopAsync();
        if (Api is not null) await Api.DisposeAsync();
        await Broker.DisposeAsync();
        _data.Dispose();
    }
}

public sealed class ApiOverRabbitMqTests(ApiOverRabbitMq rabbit) : IClassFixture<ApiOverRabbitMq>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Incidents_fences_and_alerts_are_counted_once_each_on_metrics_and_every_metric_the_alerts_and_dashboard_use_is_there()
    {
        var at = DateTimeOffset.UtcNow;
        var (failed, recovered) = (Guid.NewGuid(), Guid.NewGuid());
        var end = Sample.Completed(failed, "gridwn", RecoveryOutcome.Failed, null, at, at.AddSeconds(45),
            new RecoveryStepRecord(RecoveryStep.Reinstall, "alfa01", "reinstall", at.AddSeconds(20), at.AddSeconds(45)));
        var endId = Guid.NewGuid();
        using var http = new HttpClient();
        var before = await http.GetStringAsync($"{rabbit.HttpUrl}/metrics");

        await rabbit.PublishAsync(Sample.Started(failed, "gridwn", at));
        await rabbit.PublishAsync(Sample.Started(recovered, "gridse", at));
        await rabbit.Publisher.Services.GetRequiredService<IBus>().Publish(end, context => context.MessageId = endId);
        await rabbit.Publisher.Services.GetRequiredService<IBus>().Publish(end, context => context.MessageId = endId);
        await rabbit.PublishAsync(Sample.Completed(recovered, "gridse", RecoveryOutcome.Recovered, null, at, at.AddSeconds(7)));
        await rabbit.PublishAsync(new HostFenced(failed, "gridwn", Guid.NewGuid(), "alfa01", FenceMethod.Ipmi, ["ipmitool … power off"], at));
        await rabbit.PublishAsync(new FencingAlert(failed, "gridwn", "alfa01", "the BMC does not answer", 3, at));
        await rabbit.PublishAsync(new MonitorSourceUnavailable("127.0.0.1:8649", "connection refused", at));
        await rabbit.PublishAsync(new NoCapacity(recovered, "gridse", "no host has room", true, at));
        await rabbit.PublishAsync(new FencingHalted("6 of 8 hosts went silent", ["alfa01"], 8, at));

        var metrics = await Eventually.Until(() => http.GetStringAsync($"{rabbit.HttpUrl}/metrics"),
            text => PrometheusText.Value(text, "threerc_fencing_halts_total") > PrometheusText.Value(before, "threerc_fencing_halts_total"), Patience, "the last event counted");
        double Added(string metric, params string[] labels) => PrometheusText.Value(metrics, metric, labels) - PrometheusText.Value(before, metric, labels);

        Assert.Equal(1, Added("threerc_incidents_ended_total", "outcome=\"Failed\"", "last_step=\"Reinstall\""));
        Assert.Equal(1, Added("threerc_incidents_ended_total", "outcome=\"Recovered\"", "last_step=\"None\""));
        Assert.Equal(2, Added("threerc_incidents_opened_total", "start_level=\"Reboot\""));
        Assert.Equal(1, Added("threerc_incident_duration_seconds_bucket", "outcome=\"Failed\"", "le=\"60\""));
        Assert.Equal(0, Added("threerc_incident_duration_seconds_bucket", "outcome=\"Failed\"", "le=\"30\""));
        Assert.Equal(1, Added("threerc_fences_total", "outcome=\"Fenced\"", "method=\"Ipmi\""));
        Assert.Equal(1, Added("threerc_fencing_alerts_total"));
        Assert.Equal(1, Added("threerc_monitor_sources_lost_total", "source=\"127.0.0.1:8649\""));
        Assert.Equal(1, Added("threerc_placement_no_capacity_total"));
        var monitorOwn = new[] { "threerc_monitor_sources", "threerc_monitor_sources_failing" };
        // The monitor's own gauges are checked on the monitor; RabbitMQ's come from its rabbitmq_prometheus plugin.
        Assert.All(ObservabilityFiles.MetricNames().Where(name => !name.StartsWith("rabbitmq_", StringComparison.Ordinal)).Except(monitorOwn),
            name => Assert.Contains(name, metrics));
    }

    [Fact]
    public async Task Events_from_other_services_reach_the_read_model_and_the_watch_stream_through_one_queue()
    {
        using var cancel = new CancellationTokenSource(Patience);
        using var watch = new Events.EventsClient(rabbit.Channel).WatchEvents(new WatchEventsRequest { VmNames = { "gridce" } }, cancellationToken: cancel.Token);
        await watch.ResponseHeadersAsync;
        var id = Guid.NewGuid();
        var at = DateTimeOffset.UtcNow;

        await rabbit.PublishAsync(Sample.Down("gridce", HostKind.Virtual, at));
        await rabbit.PublishAsync(Sample.Started(id, "gridce", at.AddSeconds(1)));
        await rabbit.PublishAsync(Sample.Step(id, "gridce", RecoveryStep.Reboot, at.AddSeconds(2)));
        var kinds = new List<string>();
        while (kinds.Count < 3 && await watch.ResponseStream.MoveNext(cancel.Token)) kinds.Add(watch.ResponseStream.Current.Kind);
        var vm = await new Cluster.ClusterClient(rabbit.Channel).GetVmAsync(new GetVmRequest { Name = "gridce" });

        Assert.Equal(["HostUnresponsive", "RecoveryStarted", "RecoveryStepStarted"], kinds);
        Assert.Equal(VmState.Recovering, vm.State);
        Assert.Equal(id.ToString(), vm.OpenRecovery.Id);
        Assert.Contains(EventsEndpoint.QueueName, await rabbit.Broker.QueueNamesAsync());
    }

    [Fact]
    public async Task An_operator_command_goes_out_over_the_broker_and_comes_back_into_the_read_model()
    {
        var operations = new Operations.OperationsClient(rabbit.Channel.Intercept(metadata =>
        {
            metadata.Add("x-api-key", ApiHost.Key);
            return metadata;
        }));

        await operations.SetMaintenanceAsync(new SetMaintenanceRequest
        {
            Target = MaintenanceTarget.Host, Name = "alfa02", InMaintenance = true, Reason = "rack move", RequestedBy = "carol",
        });

        await Eventually.Until(
            async () => (await new Cluster.ClusterClient(rabbit.Channel).ListHostsAsync(new ListHostsRequest())).Hosts.Single(host => host.Name == "alfa02"),
            host => host.Maintenance?.ChangedBy == "carol", Patience, "alfa02 in maintenance by carol");
    }
}
