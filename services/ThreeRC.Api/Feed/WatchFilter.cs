using ThreeRC.Api.Consumers;
using ThreeRC.Api.Grpc;
using ThreeRC.Api.V1;
using ThreeRC.Inventory.Model;

namespace ThreeRC.Api.Feed;

/// <summary>Which events a watcher wants: each list that is not empty must match.</summary>
public sealed class WatchFilter
{
    private readonly HashSet<string> _vms;
    private readonly HashSet<string> _hosts;
    private readonly HashSet<string> _kinds;

    private WatchFilter(IEnumerable<string> vms, IEnumerable<string> hosts, IEnumerable<string> kinds)
    {
        _vms = vms.ToHashSet(StringComparer.Ordinal);
        _hosts = hosts.ToHashSet(StringComparer.Ordinal);
        _kinds = kinds.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Checks every name and kind of the request against the inventory and the kinds the Api receives.</summary>
    public static WatchFilter From(WatchEventsRequest request, ClusterInventory inventory)
    {
        var unknownKind = request.Kinds.FirstOrDefault(kind => !EventsEndpoint.Kinds.Contains(kind));
        if (unknownKind is not null)
            throw Require.Invalid($"kinds: '{unknownKind}' is not an event kind; the kinds are {string.Join(", ", EventsEndpoint.Kinds.Order())}");
        return new WatchFilter(
            request.VmNames.Select(name => Require.Vm(inventory, name, "vm_names").Name),
            request.HostNames.Select(name => Require.Host(inventory, name, "host_names").Name),
            request.Kinds);
    }

    public bool Matches(FeedEvent feedEvent) =>
        (_vms.Count == 0 || (feedEvent.Facts.VmName is { } vm && _vms.Contains(vm)))
        && (_hosts.Count == 0 || (feedEvent.Facts.HostName is { } host && _hosts.Contains(host)))
        && (_kinds.Count == 0 || _kinds.Contains(feedEvent.Kind));
}
