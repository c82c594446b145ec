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

    private static BusOptions Resolve(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddThreeRcBus(configuration, _ => { });
        return services.BuildServiceProvider().GetRequiredService<IOptions<BusOptions>>().Value;
    }
}
