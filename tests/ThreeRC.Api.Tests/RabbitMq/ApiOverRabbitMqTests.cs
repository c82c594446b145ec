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
using ThreeRC.Contracts.Monitoring;
using ThreeRC.ServiceDefaults.Messaging;
using ThreeRC.Testing;
using RecoveryStep = ThreeRC.Contracts.Recovery.RecoveryStep;

namespace ThreeRC.Api.Tests.RabbitMq;

/// <summary>The Api built as its own process on a private RabbitMQ; the test publishes as the other services would.</summary>
public sealed class ApiOverRabbitMq : IAsyncLifetime
{
    private readonly TempDirectory _data = new("api-rabbitmq");

    public RabbitMqBroker Broker { get; } = new();

    public ServiceProcess Api { get; private set; } = null!;

    public IHost Publisher { get; private set; } = null!;

    public GrpcChannel Channel { get; private set; } = null!;

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
        await Api.WaitForHealthAsync($"http://127.0.0.1:{http}/health");
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
