using Microsoft.Extensions.Logging;
using ThreeRC.Contracts.Hypervisor;
using ThreeRC.Contracts.Monitoring;
using ThreeRC.Contracts.Operations;
using ThreeRC.Contracts.Placement;
using ThreeRC.Placement.Model;

namespace ThreeRC.Placement.Engine;

internal sealed partial class PlacementEngine
{
    public void HostDown(HostUnresponsive message)
    {
        if (message.Kind != HostKind.Physical || PhysicalHost(message.Name, nameof(HostUnresponsive)) is not { } host) return;
        host.Up = false;
        state.Touch(host);
        logger.LogWarning("Host {HostName} is down: no VM is placed on it until it reports again ({Reason})", host.Name, message.Reason);
    }

    public IReadOnlyList<VmPlaced> HostUp(HostResponsive message, DateTimeOffset now)
    {
        if (message.Kind != HostKind.Physical || PhysicalHost(message.Name, nameof(HostResponsive)) is not { } host) return [];
        host.Up = true;
        host.Fenced = false;
        state.ForgetFailedRestartsOn(host.Name);
        state.Touch(host);
        logger.LogInformation("Host {HostName} is up", host.Name);
        return PlaceWaiting(now);
    }

    public void HostFenced(HostFenced message)
    {
        ForgetFencedStarts(message);
        if (message.Method != FenceMethod.Ipmi || PhysicalHost(message.HostName, nameof(HostFenced)) is not { } host) return;
        host.Fenced = true;
        state.Touch(host);
        logger.LogWarning("Host {HostName} is powered off by IPMI: fenced until it reports again", host.Name);
    }

    public IReadOnlyList<VmPlaced> MaintenanceChanged(MaintenanceChanged message, DateTimeOffset now)
    {
        if (message.Target != MaintenanceTarget.Host || PhysicalHost(message.Name, nameof(MaintenanceChanged)) is not { } host) return [];
        host.InMaintenance = message.InMaintenance;
        state.Touch(host);
        logger.LogInformation("Host {HostName} maintenance {InMaintenance}, by {ChangedBy}: {Reason}", host.Name, message.InMaintenance, message.ChangedBy, message.Reason);
        return message.InMaintenance ? [] : PlaceWaiting(now);
    }

    public IReadOnlyList<VmPlaced> RecordLoads(HostLoadReported message, DateTimeOffset now)
    {
        var ignored = new List<string>();
        foreach (var load in message.Hosts ?? [])
        {
            if (load is null) continue;
            if (state.FindHost(load.HostName) is not { } host)
                ignored.Add($"{load.HostName ?? "(no name)"}: not a physical host of the inventory");
            else if (!double.IsFinite(load.LoadFive) || load.LoadFive < 0)
                ignored.Add($"{host.Name}: load_five {load.LoadFive} is not a load");
            else
            {
                host.Load = load;
                state.Touch(host);
            }
        }

        if (ignored.Count > 0) logger.LogWarning("Ignored {Count} load reports: {Ignored}", ignored.Count, string.Join("; ", ignored));
        return PlaceWaiting(now);
    }

    private HostState? PhysicalHost(string? name, string message)
    {
        if (state.FindHost(name) is { } host) return host;
        logger.LogWarning("Ignored {Message} for {HostName}: not a physical host of the inventory", message, name);
        return null;
    }
}
