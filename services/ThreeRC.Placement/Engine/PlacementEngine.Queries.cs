using Microsoft.Extensions.Logging;
using ThreeRC.Contracts.Placement;

namespace ThreeRC.Placement.Engine;

internal sealed partial class PlacementEngine
{
    public VmsOnHost VmsOn(GetVmsOnHost request)
    {
        var known = state.FindHost(request.HostName) is not null;
        if (!known) logger.LogWarning("GetVmsOnHost for unknown host {HostName}", request.HostName);
        var vms = state.Map.Where(entry => entry.Value == request.HostName).Select(entry => entry.Key)
            .Concat(state.PossibleStarts.Where(start => start.HostName == request.HostName).Select(start => start.VmName))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        return new VmsOnHost(request.HostName ?? "", known, vms);
    }

    public VmLocation Locate(WhereIsVm request)
    {
        if (state.FindVm(request.VmName) is { } vm)
        {
            var host = state.HostOf(vm.Name);
            WarnOfPossibleStarts(vm, host);
            return new VmLocation(vm.Name, true, host);
        }

        logger.LogWarning("WhereIsVm for unknown VM {VmName}", request.VmName);
        return new VmLocation(request.VmName ?? "", false, null);
    }
}
