using MassTransit;
using ThreeRC.Api.Consumers.Hypervisor;
using ThreeRC.Api.Consumers.Monitoring;
using ThreeRC.Api.Consumers.Operations;
using ThreeRC.Api.Consumers.Placement;
using ThreeRC.Api.Consumers.Provisioning;
using ThreeRC.Api.Consumers.Recovery;

namespace ThreeRC.Api.Consumers;

/// <summary>
/// Every event consumer of the Api shares one queue, consumed one message at a time, so that the read model
/// and the watch streams see the events in the order they arrived, whatever their type. Each Api instance has its
/// own (<c>threerc-api-events-INSTANCE</c> with <c>Bus:InstanceName</c>), so that each streams every event.
/// </summary>
public static class EventsEndpoint
{
    public const string QueueName = "threerc-api-events";

    private static readonly Type[] Consumers =
    [
        typeof(HostUnresponsiveConsumer), typeof(HostResponsiveConsumer), typeof(HostLoadReportedConsumer), typeof(HostStatesReportedConsumer),
        typeof(MonitorSourceUnavailableConsumer), typeof(MonitorSourceRestoredConsumer),
        typeof(RecoveryRequestedConsumer), typeof(RecoveryStartedConsumer), typeof(RecoveryStepStartedConsumer),
        typeof(RecoveryCompletedConsumer), typeof(FencingAlertConsumer), typeof(FencingHaltedConsumer), typeof(FencingResumedConsumer),
        typeof(VmPlacedConsumer), typeof(NoCapacityConsumer),
        typeof(GuestRebootIssuedConsumer), typeof(GuestRebootFailedConsumer), typeof(VmRestartedConsumer),
        typeof(VmRestartFailedConsumer), typeof(HostFencedConsumer), typeof(FenceFailedConsumer),
        typeof(ReinstallPreparedConsumer), typeof(ReinstallRefusedConsumer), typeof(InstallCompletedConsumer),
        typeof(MaintenanceChangedConsumer),
    ];

    /// <summary>The names of the message types the Api consumes: the kinds of the watch stream.</summary>
    public static IReadOnlySet<string> Kinds { get; } = Consumers
        .Select(consumer => consumer.GetInterfaces().Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IConsumer<>)))
        .Select(contract => contract.GetGenericArguments()[0].Name)
        .ToHashSet(StringComparer.Ordinal);

    public static void AddEventConsumers(this IBusRegistrationConfigurator bus, string queue)
    {
        foreach (var consumer in Consumers)
            bus.AddConsumer(consumer).Endpoint(endpoint =>
            {
                endpoint.Name = queue;
                endpoint.ConcurrentMessageLimit = 1;

                // Prefetching keeps the order (one consumer, one message at a time) and saves a broker round trip per event.
                endpoint.PrefetchCount = 32;
            });
    }
}
