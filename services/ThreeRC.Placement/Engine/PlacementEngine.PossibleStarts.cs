using Microsoft.Extensions.Logging;
using ThreeRC.Contracts.Hypervisor;
using ThreeRC.Inventory.Model;
using ThreeRC.Placement.Model;

namespace ThreeRC.Placement.Engine;

/// <summary>
/// Hosts where a start failed but may have taken effect. Until the VM is known not to run there, GetVmsOnHost lists it
/// on that host (should the host be lost, the VM is relocated and the host fenced) and the host counts it.
/// </summary>
internal sealed partial class PlacementEngine
{
    private void RecordPossibleStart(VmRestartFailed message)
    {
        if (state.FindVm(message.VmName) is not { } vm || message.HostName is null)
        {
            logger.LogWarning("Ignored that a start of {VmName} on {HostName} ({RecoveryId}) may have taken effect: not a VM of the inventory on a named host",
                message.VmName, message.HostName, message.RecoveryId);
            return;
        }

        state.RecordPossibleStart(vm, new PossibleStart { VmName = vm.Name, HostName = message.HostName, RecoveryId = message.RecoveryId, Since = message.FailedAt });
        logger.LogWarning(
            "{VmName} may run on {HostName} ({RecoveryId}): its start there failed but may have taken effect ({Reason}). The host lists and counts it until it is fenced for it or the VM is verified running",
            vm.Name, message.HostName, message.RecoveryId, message.Reason);
    }

    /// <summary>A hypervisor fence confirms the VM off the host; an IPMI fence, the whole host off. Starts after the fence are not covered.</summary>
    private void ForgetFencedStarts(HostFenced message)
    {
        var fenced = message.Method == FenceMethod.Ipmi
            ? state.PossibleStarts.Where(start => start.HostName == message.HostName)
            : state.PossibleStartsOf(message.VmName ?? "").Where(start => start.HostName == message.HostName);
        foreach (var start in fenced.Where(start => start.Since <= message.FencedAt).ToList())
            Forget(start, $"{message.HostName} was fenced by {message.Method} for {message.VmName}");
    }

    /// <summary>
    /// The VM was verified running on a host: the orchestrator starts a VM on another host only once every host where
    /// it may run is fenced, and a restart on the same host stops any copy there first. So it runs there alone.
    /// </summary>
    private void ForgetStartsBefore(VirtualMachine vm, DateTimeOffset at, string why)
    {
        foreach (var start in state.PossibleStartsOf(vm.Name).Where(start => start.Since <= at).ToList()) Forget(start, why);
    }

    private void Forget(PossibleStart start, string why)
    {
        if (state.FindVm(start.VmName) is not { } vm) return;
        state.ForgetPossibleStart(vm, start.HostName);
        logger.LogInformation("{VmName} no longer may run on {HostName} (its start there failed at {Since}): {Why}", start.VmName, start.HostName, start.Since, why);
    }

    private void WarnOfPossibleStarts(VirtualMachine vm, string? mapHost)
    {
        var elsewhere = state.PossibleStartsOf(vm.Name).Where(start => start.HostName != mapHost).Select(start => start.HostName).ToList();
        if (elsewhere.Count > 0)
            logger.LogWarning(
                "WhereIsVm {VmName}: the map puts it on {HostName}, but it may also run on {PossibleHosts}, where a start failed but may have taken effect (VmLocation has no field for them; GetVmsOnHost lists it there)",
                vm.Name, mapHost, string.Join(", ", elsewhere));
    }
}
