using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ThreeRC.ServiceDefaults.Messaging;
using ThreeRC.Testing;

namespace ThreeRC.Shared.Tests.Messaging;

/// <summary>Two buses over one real RabbitMQ: the first publishes every message type, the second consumes it.</summary>
public sealed class TwoBusesOverRabbitMq : IAsyncLifetime
{
    public RabbitMqBroker Broker { get; } = new();

    public ReceivedMessages Received { get; } = new();

    public IHost Publisher { get; private set; } = null!;

    public IHost Consumer { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Broker.InitializeAsync();
        Consumer = await StartBus(bus =>
        {
            foreach (var type in SampleMessages.Types)
                bus.AddConsumer(typeof(MessageRecorder<>).MakeGenericType(type));
        });
        Publisher = await StartBus(_ => { });
    }

    public async Task DisposeAsync()
    {
        await Publisher.StopAsync();
        await Consumer.StopAsync();
        await Broker.DisposeAsync();
    }

    private async Task<IHost> StartBus(Action<IBusRegistrationConfigurator> register)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(Broker.BusConfiguration);
        builder.Services.AddSingleton(Received);
        builder.Services.AddThreeRcBus(builder.Configuration, register);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}

public class ContractsOverRabbitMqTests(TwoBusesOverRabbitMq buses) : IClassFixture<TwoBusesOverRabbitMq>
{
    public static TheoryData<string> MessageTypes => new(SampleMessages.Types.Select(type => type.FullName!));

    [Fact]
    public void Every_message_of_the_design_is_a_contract()
    {
        string[] design =
        [
            "HostUnresponsive", "HostResponsive", "HostLoadReported", "MonitorSourceUnavailable", "PlaceVm", "VmPlaced",
            "NoCapacity", "GetVmsOnHost", "WhereIsVm", "RebootGuest", "GuestRebootIssued", "GuestRebootFailed", "RestartVm",
            "VmRestarted", "VmRestartFailed", "FenceHost", "HostFenced", "FenceFailed", "PrepareReinstall", "ReinstallPrepared",
            "ReinstallRefused", "InstallCompleted", "RecoveryStarted", "RecoveryCompleted", "RecoveryDeadlineReached",
        ];

        Assert.All(design, name => Assert.Contains(SampleMessages.Types, type => type.Name == name));
        Assert.All(SampleMessages.Types, type => Assert.StartsWith("ThreeRC.Contracts.", type.Namespace));
    }

    [Theory]
    [MemberData(nameof(MessageTypes))]
    public async Task A_message_published_on_one_bus_arrives_whole_on_the_other(string typeName)
    {
        var type = SampleMessages.Types.Single(t => t.FullName == typeName);
        var message = SampleMessages.Create(type);

        await buses.Publisher.Services.GetRequiredService<IPublishEndpoint>().Publish(message, type);

        var received = await buses.Received.Of(type).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(JsonSerializer.Serialize(message, type), received);
    }

    [Fact]
    public async Task Exchanges_carry_the_message_names_and_queues_are_kebab_case()
    {
        var exchanges = await buses.Broker.ExchangeNamesAsync();
        var queues = await buses.Broker.QueueNamesAsync();

        Assert.Contains("ThreeRC.Contracts.Monitoring:HostUnresponsive", exchanges);
        Assert.Contains("ThreeRC.Contracts.Hypervisor:RestartVm", exchanges);
        Assert.Contains(queues, queue => queue.StartsWith("threerc", StringComparison.Ordinal) && queue.Contains("host-unresponsive", StringComparison.Ordinal));
    }
}
