using ThreeRC.Contracts.Hypervisor;
using ThreeRC.ServiceDefaults.Rehearsal;
using static ThreeRC.ServiceDefaults.Rehearsal.RehearsalInventory;

namespace ThreeRC.HypervisorExecutor.Rehearsal;

/// <summary>
/// Each command once, in a dry run: every value is checked and every command line is prepared, then answered as
/// failed without a connection. The SSH login itself is rehearsed for real by <c>LoginCheck</c>.
/// </summary>
public sealed class ExecutorRehearsal : IRehearsal
{
    public async Task PlayAsync(RehearsalStage stage, CancellationToken cancellationToken)
    {
        var (incident, now) = (Guid.NewGuid(), DateTimeOffset.UtcNow);
        await stage.CueAsync<GuestRebootFailed>(new RebootGuest(incident, Vm, now), cancellationToken);
        await stage.CueAsync<FenceFailed>(new FenceHost(incident, Vm, Home, FenceMethod.Hypervisor, 1, now), cancellationToken);
        await stage.CueAsync<VmRestartFailed>(new RestartVm(incident, Vm, Spare, Home, now), cancellationToken);
    }
}
