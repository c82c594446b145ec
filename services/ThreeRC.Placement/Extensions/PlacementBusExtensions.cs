using MassTransit;
using ThreeRC.Placement.Consumers;

namespace ThreeRC.Placement.Extensions;

public static class PlacementBusExtensions
{
    /// <summary>The prefix of every Placement queue, so that it never shares a queue with another service's consumer of the same event.</summary>
    public const string QueuePrefix = "threerc-placement-";

    /// <summary>Adds the Placement consumers, each on its own queue named threerc-placement-&lt;message&gt;.</summary>
    public static IBusRegistrationConfigurator AddPlacementConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddPlacementConsumer<PlaceVmConsumer>();
        bus.AddPlacementConsumer<PreviewPlacementConsumer>();
        bus.AddPlacementConsumer<GetVmsOnHostConsumer>();
        bus.AddPlacementConsumer<WhereIsVmConsumer>();
        bus.AddPlacementConsumer<HostUnresponsiveConsumer>();
        bus.AddPlacementConsumer<HostResponsiveConsumer>();
        bus.AddPlacementConsumer<HostLoadReportedConsumer>();
        bus.AddPlacementConsumer<HostFencedConsumer>();
        bus.AddPlacementConsumer<MaintenanceChangedConsumer>();
        bus.AddPlacementConsumer<VmRestartedConsumer>();
        bus.AddPlacementConsumer<VmRestartFailedConsumer>();
        bus.AddPlacementConsumer<RecoveryCompletedConsumer>();
        return bus;
    }

    private static void AddPlacementConsumer<T>(this IBusRegistrationConfigurator bus)
        where T : class, IConsumer =>
        bus.AddConsumer<T>().Endpoint(endpoint => endpoint.Name = QueuePrefix + KebabCaseEndpointNameFormatter.Instance.Consumer<T>());
}
