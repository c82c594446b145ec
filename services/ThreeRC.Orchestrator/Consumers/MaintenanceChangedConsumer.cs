using MassTransit;
using ThreeRC.Contracts.Operations;
using ThreeRC.Orchestrator.Persistence;

namespace ThreeRC.Orchestrator.Consumers;

/// <summary>Records what operators put into maintenance; no incident starts for it (or for the VMs of a host in maintenance).</summary>
public sealed class MaintenanceChangedConsumer(MaintenanceStore maintenance) : IConsumer<MaintenanceChanged>
{
    public Task Consume(ConsumeContext<MaintenanceChanged> context)
    {
        var change = context.Message;
        return maintenance.SetAsync(change.Target, change.Name, change.InMaintenance, $"{change.Reason} ({change.ChangedBy})");
    }
}
