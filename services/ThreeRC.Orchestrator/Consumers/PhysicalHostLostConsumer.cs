using MassTransit;
using ThreeRC.Contracts.Monitoring;
using ThreeRC.Inventory.Model;
using ThreeRC.Orchestrator.Persistence;

namespace ThreeRC.Orchestrator.Consumers;

/// <summary>
/// A physical host stopped reporting: every VM placement puts on it starts (or escalates) its incident at
/// restart, away from that host. Rebooting their guests cannot work (the paper lost half its 8 minutes there).
/// When too many hosts went silent at once, the mass-failure brake engages first: the incidents open but none acts.
/// </summary>
public sealed class PhysicalHostLostConsumer(
    ClusterInventory inventory,
    HostStatusStore hosts,
    MaintenanceStore maintenance,
    FencingBrake brake,
    HostLoss loss,
    IBus bus,
    ILogger<PhysicalHostLostConsumer> logger) : IConsumer<HostUnresponsive>
{
    public async Task Consume(ConsumeContext<HostUnresponsive> context)
    {
        var lost = context.Message;
        if (lost.Kind != HostKind.Physical) return;
        if (inventory.FindHost(lost.Name) is null)
        {
            logger.LogWarning("HostUnresponsive for unknown physical host '{Host}' dropped", lost.Name);
            return;
        }

        await hosts.SetDownAsync(lost.Name, down: true);
        if (await brake.EngageIfTooManyAsync([lost.Name, .. lost.QuietPhysicalHosts]) is { } halted)
        {
            logger.LogCritical("Fencing halted: {Reason}", halted.Reason);
            // Now, not with this consumer's other messages: the brake is committed, and a retry of a relocation that
            // failed would find it engaged and announce nothing.
            await bus.Publish(halted, context.CancellationToken);
        }

        if (await maintenance.HostReasonAsync(lost.Name) is { } reason)
        {
            logger.LogInformation("Physical host {Host} is unresponsive but left alone: {Maintenance}", lost.Name, reason);
            return;
        }

        await loss.RelocateAsync(context, lost.Name, lost.Reason, context.CancellationToken);
    }
}
