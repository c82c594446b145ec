using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ThreeRC.ServiceDefaults.Messaging;

namespace ThreeRC.Shared.Tests.Messaging;

public class BusOptionsValidatorTests
{
    [Fact]
    public void The_in_memory_bus_needs_no_broker_settings()
    {
        Assert.Equal(BusTransport.InMemory, Resolve([]).Transport);
    }

    [Fact]
    public void RabbitMq_without_a_user_and_password_is_refused()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new() { ["Bus:Transport"] = "RabbitMq" }));

        Assert.Contains("Bus:RabbitMq:Username: required (there is no default user)", error.Failures);
        Assert.Contains("Bus:RabbitMq:Password: required (there is no default password)", error.Failures);
    }

    [Fact]
    public void The_guest_account_is_refused()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new()
        {
            ["Bus:Transport"] = "RabbitMq",
            ["Bus:RabbitMq:Username"] = "guest",
            ["Bus:RabbitMq:Password"] = "guest",
        }));

        Assert.Contains(error.Failures, failure => failure.Contains("guest/guest is refused"));
    }

    [Fact]
    public void RabbitMq_settings_bind_from_configuration()
    {
        var options = Resolve(new()
        {
            ["Bus:Transport"] = "RabbitMq",
            ["Bus:RabbitMq:Host"] = "broker",
            ["Bus:RabbitMq:Port"] = "5673",
            ["Bus:RabbitMq:VirtualHost"] = "threerc",
            ["Bus:RabbitMq:Username"] = "ops",
            ["Bus:RabbitMq:Password"] = "s3cret",
        });

        Assert.Equal(("broker", (ushort)5673, "threerc", "ops"), (options.RabbitMq.Host, options.RabbitMq.Port, options.RabbitMq.VirtualHost, options.RabbitMq.Username));
    }

    [Fact]
    public void Cluster_settings_bind_and_blank_nodes_from_unset_compose_variables_are_ignored()
    {
        var options = Resolve(Broker(new()
        {
            ["Bus:RabbitMq:Nodes:0"] = "rabbitmq-2:5672",
            ["Bus:RabbitMq:Nodes:1"] = "",
            ["Bus:RabbitMq:QueueType"] = "Quorum",
            ["Bus:RabbitMq:SingleActiveConsumers"] = "true",
            ["Bus:InstanceName"] = "mgmt2",
        }));

        Assert.Equal(["rabbitmq-2:5672"], options.RabbitMq.OtherNodes);
        Assert.Equal((RabbitMqQueueType.Quorum, true), (options.RabbitMq.QueueType, options.RabbitMq.SingleActiveConsumers));
        Assert.Equal("threerc-api-events-mgmt2", options.InstanceQueue("threerc-api-events"));
        Assert.Equal("threerc-api-events", new BusOptions().InstanceQueue("threerc-api-events"));
    }

    [Fact]
    public void A_node_that_is_not_host_or_host_port_and_an_instance_name_that_cannot_name_a_queue_are_refused()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(Broker(new()
        {
            ["Bus:RabbitMq:Nodes:0"] = "amqp://rabbitmq-2",
            ["Bus:InstanceName"] = "Mgmt 2",
        })));

        Assert.Contains("Bus:RabbitMq:Nodes:0: 'amqp://rabbitmq-2' is not host or host:port", error.Failures);
        Assert.Contains("Bus:InstanceName: 'Mgmt 2' must be 1 to 40 lower-case letters, digits and dashes, as in mgmt1", error.Failures);
    }

    private static Dictionary<string, string?> Broker(Dictionary<string, string?> more)
    {
        more["Bus:Transport"] = "RabbitMq";
        more["Bus:RabbitMq:Username"] = "ops";
        more["Bus:RabbitMq:Password"] = "s3cret";
        return more;
    }

    private static BusOptions Resolve(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddThreeRcBus(configuration, _ => { });
        return services.BuildServiceProvider().GetRequiredService<IOptions<BusOptions>>().Value;
    }
}
