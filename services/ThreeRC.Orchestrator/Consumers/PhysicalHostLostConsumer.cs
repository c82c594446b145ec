using MassTransit;
using ThreeRC.Contracts.Monitoring;
using ThreeRC.Contracts.Placement;
using ThreeRC.Contracts.Recovery;
using ThreeRC.Inventory.Model;
using ThreeRC.Orchestrator.Persistence;

namespace ThreeRC.Orchestrator.Consumers;

/// <summary>
/// A physical host stopped reporting: every VM placement puts on it starts (or escalates) its incident at
/// restart, away from that host. Rebooting their guests cannot work (the paper lost half its 8 minutes there).
/// </summary>
public sealed class PhysicalHostLostConsumer(
    ClusterInventory inventory,
    HostStatusStore hosts,
    MaintenanceStore maintenance,
    IRequestClient<GetVmsOnHost> vmsOnHost,
    TimeProvider time,
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
        if (await maintenance.HostReasonAsync(lost.Name) is { } reason)
        {
            logger.LogInformation("Physical host {Host} is unresponsive but left alone: {Maintenance}", lost.Name, reason);
            return;
        }

        var response = await vmsOnHost.GetResponse<VmsOnHost>(new GetVmsOnHost(lost.Name), context.CancellationToken);
        logger.LogWarning("Physical host {Host} lost ({Reason}); relocating {Vms}", lost.Name, lost.Reason, response.Message.VmNames);
        foreach (var vm in response.Message.VmNames)
            await context.Publish(new RecoveryRequested(vm, RecoveryLevel.Restart, $"its physical host {lost.Name} is unresponsive: {lost.Reason}",
                lost.Name, "orchestrator", time.GetUtcNow()));
    }
}
