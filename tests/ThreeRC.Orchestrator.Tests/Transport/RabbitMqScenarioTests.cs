using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MassTransit;
using ThreeRC.Contracts.Hypervisor;
using ThreeRC.Contracts.Placement;
using ThreeRC.Contracts.Recovery;
using ThreeRC.Orchestrator.Extensions;
using ThreeRC.Orchestrator.Tests.Harness;
using ThreeRC.ServiceDefaults;
using ThreeRC.ServiceDefaults.Messaging;
using ThreeRC.Testing;
using static ThreeRC.Orchestrator.Tests.Harness.Messages;

namespace ThreeRC.Orchestrator.Tests.Transport;

public sealed class RabbitMqScenarioTests(RabbitMqBroker broker) : IClassFixture<RabbitMqBroker>, IDisposable
{
    private readonly TempDirectory _data = new("orchestrator-rabbitmq");

    [Fact]
    public async Task An_incident_runs_end_to_end_over_RabbitMQ_from_the_crash_to_its_recovery()
    {
        var seen = new ConcurrentQueue<object>();
        using var orchestrator = await StartOrchestrator();
        using var collaborators = await CollaboratorsStandIn.StartAsync(broker, seen);
        var bus = collaborators.Services.GetRequiredService<IBus>();

        await bus.Publish(Down("web1"));
        await Eventually.Until(() => seen.OfType<RestartVm>().Any(), TimeSpan.FromSeconds(30), "a RestartVm over RabbitMQ");
        await bus.Publish(Up("web1"));
        var completed = (await Eventually.Until(() => Task.FromResult(seen.OfType<RecoveryCompleted>().FirstOrDefault()),
            found => found is not null, TimeSpan.FromSeconds(30), "RecoveryCompleted over RabbitMQ"))!;

        Assert.Equal(RecoveryOutcome.Recovered, completed.Outcome);
        Assert.Equal([RecoveryStep.Reboot, RecoveryStep.Placement, RecoveryStep.Restart], completed.Steps.Select(s => s.Step));
        Assert.All(seen.OfType<RebootGuest>(), m => Assert.Equal(completed.RecoveryId, m.RecoveryId));
        Assert.Equal(completed.RecoveryId, seen.OfType<PlaceVm>().Single().RecoveryId);
        Assert.Contains(await broker.QueueNamesAsync(), queue => queue == "threerc-recovery-state");
        await orchestrator.StopAsync();
    }

    public void Dispose() => _data.Dispose();

    private async Task<IHost> StartOrchestrator()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(broker.BusConfiguration);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Inventory:Path"] = File.Exists(_data.Combine("inventory.yaml")) ? _data.Combine("inventory.yaml") : _data.Write("inventory.yaml", TestInventory.Yaml),
        });
        builder.Configuration.AddInMemoryCollection(TestStorage.Settings(_data.Path));
        builder.AddServiceDefaults(modules => modules.AddOrchestrator());
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
