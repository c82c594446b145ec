using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ThreeRC.ServiceDefaults.Messaging;

namespace ThreeRC.Shared.Tests.Messaging;

public class UsageTelemetryTests
{
    [Fact]
    public void The_bus_sends_no_usage_report_to_masstransit_io()
    {
        var services = new ServiceCollection();
        services.AddThreeRcBus(new ConfigurationBuilder().Build(), _ => { });

        using var provider = services.BuildServiceProvider();

        Assert.False(provider.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value.Enabled);
    }
}
