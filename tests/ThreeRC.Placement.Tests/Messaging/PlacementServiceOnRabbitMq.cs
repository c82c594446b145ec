using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ThreeRC.Contracts.Placement;
using ThreeRC.ServiceDefaults.Messaging;
using ThreeRC.Testing;

namespace ThreeRC.Placement.Tests.Messaging;

/// <summary>
/// A private RabbitMQ, the built Placement service running alone on it as its own process with the sample inventory
/// (gridce on alfa01, gridse on alfa04, one anti-affinity group), and a client bus that publishes, asks and records the answers.
/// </summary>
public sealed class PlacementServiceOnRabbitMq : IAsyncLifetime
{
    private readonly TempDirectory _folder = new("placement-rabbitmq");
    private ServiceProcess? _service;
    private IHost? _client;

    public RabbitMqBroker Broker { get; } = new();

    public ConcurrentQueue<object> Answers { get; } = new();

    public IBus Bus => _client!.Services.GetRequiredService<IBus>();

    public async Task InitializeAsync()
    {
        await Broker.InitializeAsync();
        var port = FreePort.Next();
        _service = ServiceProcess.StartService("ThreeRC.Placement", new Dictionary<string, string?>(Broker.BusEnvironment.Concat(TestStorage.Environment(_folder.Combine("data"))))
        {
            ["Urls"] = $"http://127.0.0.1:{port}",
            ["Inventory__Path"] = RepositoryRoot.Combine("infra", "inventory.sample.yaml"),
        });
        await _service.WaitForHealthAsync($"http://127.0.0.1:{port}/health");

        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(Broker.BusConfiguration);
        builder.Services.AddSingleton(Answers);
        builder.Services.AddThreeRcBus(builder.Configuration, bus => bus.AddConsumer<AnswerRecorder>());
        _client = builder.Build();
        await _client.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.StopAsync();
            _client.Dispose();
        }

        if (_service is not null) await _service.DisposeAsync();
        await Broker.DisposeAsync();
        _folder.Dispose();
    }

    /// <summary>Records what placement answers to the orchestrator.</summary>
    public sealed class AnswerRecorder(ConcurrentQueue<object> answers) : IConsumer<VmPlaced>, IConsumer<NoCapacity>
    {
        public Task Consume(ConsumeContext<VmPlaced> context) => Record(context.Message);

        public Task Consume(ConsumeContext<NoCapacity> context) => Record(context.Message);

        private Task Record(object message)
        {
            answers.Enqueue(message);
            return Task.CompletedTask;
        }
    }
}
