using System.Text;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;
using ThreeRC.Contracts.Hypervisor;
using ThreeRC.ServiceDefaults.Messaging;
using ThreeRC.Testing;

namespace ThreeRC.Shared.Tests.Messaging;

/// <summary>Following one incident on a real RabbitMQ by its headers, as the README shows an operator.</summary>
public sealed class IncidentHeadersTests(TwoBusesOverRabbitMq buses) : IClassFixture<TwoBusesOverRabbitMq>
{
    [Fact]
    public async Task A_queue_bound_by_the_recovery_id_header_receives_that_incident_s_messages_and_no_other()
    {
        var followed = Restart(Guid.NewGuid(), "web1");
        var other = Restart(Guid.NewGuid(), "db1");
        var bus = buses.Publisher.Services.GetRequiredService<IBus>();
        await bus.Publish(Restart(Guid.NewGuid(), "warm-up"));
        var factory = new ConnectionFactory { HostName = buses.Broker.Host, Port = buses.Broker.Port, UserName = buses.Broker.User, Password = buses.Broker.Password };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var queue = $"threerc-trace-{followed.RecoveryId:N}";
        await channel.ExchangeDeclareAsync("threerc-trace", ExchangeType.Headers, durable: true);
        await channel.ExchangeBindAsync("threerc-trace", "ThreeRC.Contracts.Hypervisor:RestartVm", "");
        await channel.QueueDeclareAsync(queue, durable: false, exclusive: true, autoDelete: true);
        await channel.QueueBindAsync(queue, "threerc-trace", "", new Dictionary<string, object?>
        {
            ["x-match"] = "all",
            [IncidentHeaders.RecoveryId] = followed.RecoveryId.ToString("D"),
        });

        await bus.Publish(other);
        await bus.Publish(followed);

        var traced = await Eventually.Until(() => channel.BasicGetAsync(queue, autoAck: true), message => message is not null, TimeSpan.FromSeconds(10), "the followed incident's message");
        var headers = traced!.BasicProperties.Headers!;
        Assert.Equal(followed.RecoveryId.ToString("D"), Encoding.UTF8.GetString((byte[])headers[IncidentHeaders.RecoveryId]!));
        Assert.Equal("web1", Encoding.UTF8.GetString((byte[])headers[IncidentHeaders.VmName]!));
        Assert.Contains(followed.CommandId.ToString(), Encoding.UTF8.GetString(traced.Body.Span));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Null(await channel.BasicGetAsync(queue, autoAck: true));
    }

    private static RestartVm Restart(Guid recoveryId, string vm) =>
        new(recoveryId, vm, Guid.NewGuid(), "alfa01", null, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddMinutes(5));
}
