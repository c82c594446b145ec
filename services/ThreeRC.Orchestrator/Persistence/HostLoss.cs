using Dapper;
using MassTransit;
using ThreeRC.Contracts.Placement;
using ThreeRC.Contracts.Recovery;

namespace ThreeRC.Orchestrator.Persistence;

/// <summary>
/// Asks for the recovery of every VM a lost physical host ran (placement's map says which), at restart and away from
/// that host; and of every VM left alone in maintenance that is still silent when its maintenance ends.
/// </summary>
public sealed class HostLoss(OrchestratorDatabase database, IRequestClient<GetVmsOnHost> vmsOnHost, TimeProvider time, ILogger<HostLoss> logger)
{
    public async Task RelocateAsync(IPublishEndpoint bus, string host, string reason, CancellationToken cancellationToken)
    {
        var response = await vmsOnHost.GetResponse<VmsOnHost>(new GetVmsOnHost(host), cancellationToken);
        logger.LogWarning("Physical host {Host} lost ({Reason}); relocating {Vms}", host, reason, string.Join(", ", response.Message.VmNames));
        foreach (var vm in response.Message.VmNames)
            await bus.Publish(new RecoveryRequested(vm, RecoveryLevel.Restart, $"its physical host {host} is unresponsive: {reason}",
                host, "orchestrator", time.GetUtcNow()), cancellationToken);
    }

    /// <summary>Maintenance of <paramref name="name"/> (a VM or a host) ended: the VMs it left alone while silent are recovered.</summary>
    public async Task RecoverLeftAloneAsync(IPublishEndpoint bus, string name, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var silent = await connection.QueryAsync<string>(
            "SELECT vm_name FROM recovery_saga WHERE current_state = 'LeftAlone' AND (vm_name = @name OR current_host = @name)", new { name });
        foreach (var vm in silent)
        {
            logger.LogWarning("{Vm} went silent during the maintenance of {Name}, which has ended: recovering it", vm, name);
            await bus.Publish(new RecoveryRequested(vm, RecoveryLevel.Reboot, $"it went silent during the maintenance of {name}, which has ended",
                null, "orchestrator", time.GetUtcNow()), cancellationToken);
        }
    }

    public async Task<bool> IsDownAsync(string host)
    {
        await using var connection = await database.OpenAsync();
        return await connection.QuerySingleOrDefaultAsync<bool>("SELECT down FROM host_status WHERE name = @host", new { host });
    }
}
