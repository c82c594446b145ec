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
        var notAfter = now + TimeSpan.FromMinutes(1);
        await stage.CueAsync<GuestRebootFailed>(new RebootGuest(incident, Vm, Guid.NewGuid(), now, notAfter), cancellationToken);
        await stage.CueAsync<FenceFailed>(new FenceHost(incident, Vm, Guid.NewGuid(), Home, FenceMethod.Hypervisor, 1, now, notAfter), cancellationToken);
        await stage.CueAsync<VmRestartFailed>(new RestartVm(incident, Vm, Guid.NewGuid(), Spare, Home, now, notAfter), cancellationToken);
    }
}
