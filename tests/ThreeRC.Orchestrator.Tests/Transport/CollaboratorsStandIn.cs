using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ThreeRC.Contracts.Hypervisor;
using ThreeRC.Contracts.Placement;
using ThreeRC.Contracts.Recovery;
using ThreeRC.ServiceDefaults.Messaging;
using ThreeRC.Testing;

namespace ThreeRC.Orchestrator.Tests.Transport;

/// <summary>What the other services would answer: the guest cannot be rebooted, placement keeps the VM home, the restart works.</summary>
public sealed class CollaboratorsStandIn(ConcurrentQueue<object> seen) :
    IConsumer<RebootGuest>, IConsumer<PlaceVm>, IConsumer<RestartVm>, IConsumer<RecoveryCompleted>
{
    /// <summary>Starts the stand-ins on <paramref name="broker"/>; what they receive goes into <paramref name="seen"/>.</summary>
    public static async Task<IHost> StartAsync(RabbitMqBroker broker, ConcurrentQueue<object> seen)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(broker.BusConfiguration);
        builder.Services.AddSingleton(seen);
        builder.Services.AddThreeRcBus(builder.Configuration, bus => bus.AddConsumer<CollaboratorsStandIn>());
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    public Task Consume(ConsumeContext<RebootGuest> context)
    {
        seen.Enqueue(context.Message);
        return context.Publish(new GuestRebootFailed(context.Message.RecoveryId, context.Message.VmName, context.Message.CommandId, "connection refused", false, null, DateTimeOffset.UtcNow));
    }

    public Task Consume(ConsumeContext<PlaceVm> context)
    {
        seen.Enqueue(context.Message);
        return context.Publish(new VmPlaced(context.Message.RecoveryId, context.Message.VmName, "alfa01", "alfa01", "current host", DateTimeOffset.UtcNow, context.Message.RequestId));
    }

    public Task Consume(ConsumeContext<RestartVm> context)
    {
        seen.Enqueue(context.Message);
        return context.Publish(new VmRestarted(context.Message.RecoveryId, context.Message.VmName, context.Message.CommandId, context.Message.HostName, ["virsh start web1"], DateTimeOffset.UtcNow));
    }

    public Task Consume(ConsumeContext<RecoveryCompleted> context)
    {
        seen.Enqueue(context.Message);
        return Task.CompletedTask;
    }
}
