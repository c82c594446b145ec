using ThreeRC.Contracts.Monitoring;
using ThreeRC.Contracts.Placement;
using ThreeRC.ServiceDefaults.Rehearsal;
using static ThreeRC.ServiceDefaults.Rehearsal.RehearsalInventory;

namespace ThreeRC.Placement.Rehearsal;

/// <summary>A load report for both hosts, then a VM that must leave its home: placement chooses the spare host.</summary>
public sealed class PlacementRehearsal : IRehearsal
{
    public async Task PlayAsync(RehearsalStage stage, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        HostLoad Idle(string host) => new(host, 0.1, 0.1, 4, 8 << 20, 6 << 20, now);
        await stage.CueAsync<HostLoadReported>(new HostLoadReported(now, [Idle(Home), Idle(Spare)]), cancellationToken);
        await stage.CueAsync<VmPlaced>(new PlaceVm(Guid.NewGuid(), Vm, true, 0, now), cancellationToken);
    }
}
