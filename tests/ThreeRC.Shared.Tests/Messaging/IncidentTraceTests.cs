using System.Collections.Concurrent;
using System.Diagnostics;
using MassTransit;
using MassTransit.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ThreeRC.Contracts.Hypervisor;
using ThreeRC.ServiceDefaults.Messaging;
using ThreeRC.Testing;

namespace ThreeRC.Shared.Tests.Messaging;

/// <summary>
/// One trace per incident: a command of an incident sent with no trace around it, and the answer its consumer
/// publishes, are consumed in the trace whose id is the recovery id, tagged with it; on both transports.
/// </summary>
public sealed class IncidentTraceTests : IAsyncLifetime
{
    private readonly RabbitMqBroker _broker = new();
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly ActivityListener _listener;

    public IncidentTraceTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == DiagnosticHeaders.DefaultListenerName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _spans.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public Task InitializeAsync() => _broker.InitializeAsync();

    public async Task DisposeAsync()
    {
        _listener.Dispose();
        await _broker.DisposeAsync();
    }

    [Theory]
    [InlineData("InMemory")]
    [InlineData("RabbitMq")]
    public async Task An_incident_s_messages_are_consumed_in_the_trace_of_its_recovery_id(string transport)
    {
        var settings = transport == "RabbitMq" ? _broker.BusConfiguration : new Dictionary<string, string?> { ["Bus:Transport"] = "InMemory" };
        using var host = await StartAsync(settings);
        var recoveryId = Guid.NewGuid();
        var unrelated = new ActivitySource("unrelated").StartActivity("a monitor poll");

        await host.Services.GetRequiredService<IBus>().Publish(
            new RestartVm(recoveryId, "web1", Guid.NewGuid(), "alfa01", null, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddMinutes(5)));
        unrelated?.Stop();
        await Eventually.Until(() => Consumed(recoveryId).Select(span => span.GetTagItem(DiagnosticHeaders.MessageId)).Distinct().Count() >= 2,
            TimeSpan.FromSeconds(30), "the command and its answer consumed");

        var consumed = Consumed(recoveryId).ToList();
        Assert.NotEqual(IncidentTrace.TraceIdOf(recoveryId), unrelated?.TraceId);
        Assert.All(consumed, span => Assert.Equal(recoveryId.ToString("N"), span.TraceId.ToHexString()));
        Assert.All(consumed, span => Assert.Equal("web1", span.GetTagItem(IncidentTrace.VmNameTag)));
        await host.StopAsync();
    }

    private IEnumerable<Activity> Consumed(Guid recoveryId) =>
        _spans.Where(span => span.Kind == ActivityKind.Consumer && span.GetTagItem(IncidentTrace.RecoveryIdTag) as string == recoveryId.ToString("D"));

    private static async Task<IHost> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddThreeRcBus(builder.Configuration, bus => bus.AddConsumer<RestartAnswerer>());
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    /// <summary>An executor stand-in: answers a restart with VmRestarted, consumed by no one but itself as an event.</summary>
    private sealed class RestartAnswerer : IConsumer<RestartVm>, IConsumer<VmRestarted>
    {
        public Task Consume(ConsumeContext<RestartVm> context) =>
            context.Publish(new VmRestarted(context.Message.RecoveryId, context.Message.VmName, context.Message.CommandId, context.Message.HostName, [], DateTimeOffset.UtcNow));

        public Task Consume(ConsumeContext<VmRestarted> context) => Task.CompletedTask;
    }
}
