using MassTransit;
using ThreeRC.Contracts.Operations;
using ThreeRC.Orchestrator.Persistence;

namespace ThreeRC.Orchestrator.Consumers;

/// <summary>
/// Records what operators put into maintenance: no incident starts for it (or for the VMs of a host in maintenance).
/// When maintenance ends, what went silent meanwhile is recovered: the VMs left alone, and a host that is still down.
/// </summary>
public sealed class MaintenanceChangedConsumer(MaintenanceStore maintenance, HostLoss loss) : IConsumer<MaintenanceChanged>
{
    public async Task Consume(ConsumeContext<MaintenanceChanged> context)
    {
        var change = context.Message;
        await maintenance.SetAsync(change.Target, change.Name, change.InMaintenance, $"{change.Reason} ({change.ChangedBy})");
        if (change.InMaintenance) return;
        if (change.Target == MaintenanceTarget.Host && await loss.IsDownAsync(change.Name))
            await loss.RelocateAsync(context, change.Name, $"still silent when its maintenance ended ({change.ChangedBy}: {change.Reason})", context.CancellationToken);
        await loss.RecoverLeftAloneAsync(context, change.Name, context.CancellationToken);
    }
}
