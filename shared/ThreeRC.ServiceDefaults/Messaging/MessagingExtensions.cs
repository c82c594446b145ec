using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ThreeRC.ServiceDefaults.Messaging;

/// <summary>Registers the MassTransit bus every ThreeRC host shares.</summary>
public static class MessagingExtensions
{
    /// <summary>
    /// Adds MassTransit with the modules' consumers on the transport the <c>Bus</c> section chooses, kebab-case
    /// endpoint names, exponential message retry and the in-memory outbox on every endpoint.
    /// </summary>
    public static IServiceCollection AddThreeRcBus(this IServiceCollection services, IConfiguration configuration, Action<IBusRegistrationConfigurator> register)
    {
        services.AddOptions<BusOptions>().BindConfiguration(BusOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BusOptions>, BusOptionsValidator>();
        services.AddOptions<MassTransitHostOptions>().Configure(host =>
        {
            // A service is not started until its queues are bound: nothing published to it is lost.
            host.WaitUntilStarted = true;
            host.StartTimeout = TimeSpan.FromMinutes(2);
            host.StopTimeout = TimeSpan.FromSeconds(30);
        });
        var transport = configuration.GetSection(BusOptions.SectionName).GetValue(nameof(BusOptions.Transport), BusTransport.InMemory);

        services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter("threerc", false));

            // A data centre's controller calls nobody outside it: MassTransit's usage report to masstransit.io is off.
            bus.ConfigureUsageTelemetryOptions(telemetry => telemetry.Enabled = false);
            register(bus);
            bus.AddThreeRcEndpointDefaults();

            if (transport == BusTransport.RabbitMq)
                bus.UsingRabbitMq((context, rabbit) =>
                {
                    var options = context.GetRequiredService<IOptions<BusOptions>>().Value.RabbitMq;
                    rabbit.Host(options.Host, options.Port, options.VirtualHost, host =>
                    {
                        host.Username(options.Username!);
                        host.Password(options.Password!);
                    });
                    rabbit.ConfigureEndpoints(context);
                });
            else
                bus.UsingInMemory((context, memory) => memory.ConfigureEndpoints(context));
        });
        return services;
    }

    /// <summary>
    /// Every receive endpoint retries a failing message with exponential back-off (the <c>Bus</c> section's retry
    /// settings, defaults when absent) and publishes nothing until the consumer or saga has succeeded (in-memory
    /// outbox inside the retry, so a failed attempt's messages are discarded).
    /// </summary>
    public static void AddThreeRcEndpointDefaults(this IBusRegistrationConfigurator bus) =>
        bus.AddConfigureEndpointsCallback((context, name, endpoint) => ConfigureEndpoint(context, name, endpoint));

    /// <summary>Marks the endpoint <paramref name="queue"/> as one whose consumer publishes through a transactional outbox of its own.</summary>
    public static IServiceCollection AddTransactionalOutboxEndpoint(this IServiceCollection services, string queue) =>
        services.AddSingleton(new TransactionalOutboxEndpoint(queue));

    private static void ConfigureEndpoint(IRegistrationContext context, string queue, IReceiveEndpointConfigurator endpoint)
    {
        var options = context.GetService<IOptions<BusOptions>>()?.Value ?? new BusOptions();
        endpoint.UseMessageRetry(retry => retry.Exponential(
            options.RetryLimit, options.RetryMinInterval, options.RetryMaxInterval, options.RetryMinInterval));
        if (!context.GetServices<TransactionalOutboxEndpoint>().Any(own => own.Queue == queue)) endpoint.UseInMemoryOutbox(context);
    }
}
