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

                        // A publish returns once the broker has the message (on a quorum queue: a majority of nodes).
                        host.PublisherConfirmation = true;
                        if (options.OtherNodes.Any())
                            host.UseCluster(cluster =>
                            {
                                cluster.Node($"{options.Host}:{options.Port}");
                                foreach (var node in options.OtherNodes) cluster.Node(node);
                            });
                    });
                    rabbit.UseIncidentHeaders();
                    rabbit.ConfigureEndpoints(context);
                });
            else
                bus.UsingInMemory((context, memory) =>
                {
                    memory.UseIncidentHeaders();
                    memory.ConfigureEndpoints(context);
                });
        });
        return services;
    }

    /// <summary>
    /// Every receive endpoint retries a failing message with exponential back-off (the <c>Bus</c> section's retry
    /// settings, defaults when absent) and publishes nothing until the consumer or saga has succeeded (in-memory
    /// outbox inside the retry, so a failed attempt's messages are discarded). On RabbitMQ its queue is of the
    /// configured type, and single-active-consumer where the service asks for it and the settings allow.
    /// </summary>
    public static void AddThreeRcEndpointDefaults(this IBusRegistrationConfigurator bus) =>
        bus.AddConfigureEndpointsCallback((context, name, endpoint) => ConfigureEndpoint(context, name, endpoint));

    /// <summary>The name of a queue of which every instance of the service has its own copy (<see cref="BusOptions.InstanceName"/>).</summary>
    public static string InstanceQueue(this IConfiguration configuration, string queue) =>
        new BusOptions { InstanceName = configuration[$"{BusOptions.SectionName}:{nameof(BusOptions.InstanceName)}"] }.InstanceQueue(queue);

    /// <summary>Marks the endpoint <paramref name="queue"/> as one that one instance of the service consumes at a time.</summary>
    public static IServiceCollection AddSingleActiveConsumerEndpoint(this IServiceCollection services, string queue) =>
        services.AddSingleton(new SingleActiveConsumerEndpoint(queue));

    /// <summary>Marks the endpoint <paramref name="queue"/> as one whose consumer publishes through a transactional outbox of its own.</summary>
    public static IServiceCollection AddTransactionalOutboxEndpoint(this IServiceCollection services, string queue) =>
        services.AddSingleton(new TransactionalOutboxEndpoint(queue));

    private static void ConfigureEndpoint(IRegistrationContext context, string queue, IReceiveEndpointConfigurator endpoint)
    {
        var options = context.GetService<IOptions<BusOptions>>()?.Value ?? new BusOptions();
        endpoint.UseMessageRetry(retry => retry.Exponential(
            options.RetryLimit, options.RetryMinInterval, options.RetryMaxInterval, options.RetryMinInterval));
        if (!context.GetServices<TransactionalOutboxEndpoint>().Any(own => own.Queue == queue)) endpoint.UseInMemoryOutbox(context);
        if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            if (options.RabbitMq.QueueType == RabbitMqQueueType.Quorum) rabbit.SetQuorumQueue();
            if (options.RabbitMq.SingleActiveConsumers && context.GetServices<SingleActiveConsumerEndpoint>().Any(one => one.Queue == queue))
                rabbit.SingleActiveConsumer = true;
        }
    }
}
