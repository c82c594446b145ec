using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using ThreeRC.Inventory.Model;
using ThreeRC.Monitor.Ganglia;
using ThreeRC.Monitor.Options;

namespace ThreeRC.Monitor.Push;

/// <summary>
/// When each host was last heard on UDP, and its heartbeat interval, learned from the time between its last two
/// heartbeats. Once the interval is known, the host is silent after <c>detection.missedHeartbeats</c> intervals and
/// <see cref="PushOptions.Grace"/> without a packet. A heartbeat whose value (the time its gmond started) changed comes
/// from a gmond started again, perhaps with another interval: the interval is learned anew, and meanwhile the XML judges.
/// </summary>
internal sealed class PushBoard(ClusterInventory inventory, IOptions<MonitorOptions> options)
{
    /// <summary>Two heartbeats closer than this are one round sent twice (gmond's send channels), not an interval.</summary>
    private static readonly TimeSpan ShortestInterval = TimeSpan.FromMilliseconds(200);

    private static readonly TimeSpan LongestInterval = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, HeardHost> _hosts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Where the packets are heard, as the source of what they say.</summary>
    public GangliaSource Source { get; } = new(options.Value.Push.Bind, options.Value.Push.Port ?? 0);

    /// <summary>When the first packet was heard; null before.</summary>
    public DateTimeOffset? FirstHeardAt { get; private set; }

    public void Heard(GangliaPacket packet, DateTimeOffset at)
    {
        FirstHeardAt ??= at;
        _hosts.AddOrUpdate(packet.Host, _ => new HeardHost(at, packet.IsHeartbeat ? at : null, null, null, packet.IsHeartbeat ? packet.Uint : null),
            (_, last) => last.After(packet, at, Limit));
    }

    /// <summary>The host as UDP knows it; null until two of its heartbeats gave its interval.</summary>
    public PushSighting? Sighting(string gangliaName) =>
        _hosts.TryGetValue(gangliaName, out var heard) && heard.Interval is { } interval ? new PushSighting(heard.LastHeard, interval, Limit(interval)) : null;

    /// <summary>Whether any packet of the host was heard.</summary>
    public bool Knows(string gangliaName) => _hosts.ContainsKey(gangliaName);

    private TimeSpan Limit(TimeSpan interval) => interval * inventory.Detection.MissedHeartbeats + options.Value.Push.Grace;

    /// <summary>
    /// A host's last packet and heartbeat, its interval, a gap longer than its limit (a silence, or a longer interval)
    /// seen last, and the value of its last heartbeat: a silence teaches nothing, but the same long gap twice running
    /// is the new interval, and so is the first gap after its gmond started again.
    /// </summary>
    private sealed record HeardHost(DateTimeOffset LastHeard, DateTimeOffset? LastHeartbeat, TimeSpan? Interval, TimeSpan? LongGap, uint? Started)
    {
        public HeardHost After(GangliaPacket packet, DateTimeOffset at, Func<TimeSpan, TimeSpan> limit)
        {
            var lastHeard = at > LastHeard ? at : LastHeard;
            if (!packet.IsHeartbeat) return this with { LastHeard = lastHeard };
            if (Started is { } started && packet.Uint is { } now && now != started) return new HeardHost(lastHeard, at, null, null, now);
            if (LastHeartbeat is not { } previous) return this with { LastHeard = lastHeard, LastHeartbeat = at, Started = packet.Uint };
            var gap = at - previous;
            if (gap < ShortestInterval) return this with { LastHeard = lastHeard };
            if (Interval is not { } interval || gap <= limit(interval))
                return new HeardHost(lastHeard, at, gap <= LongestInterval ? gap : Interval, null, packet.Uint ?? Started);
            var repeated = LongGap is { } earlier && gap >= earlier * 0.8 && gap <= earlier * 1.25 && gap <= LongestInterval;
            return new HeardHost(lastHeard, at, repeated ? gap : interval, repeated ? null : gap, packet.Uint ?? Started);
        }
    }
}

/// <summary>What UDP says of a host: when it was last heard, its heartbeat interval, and how long it may stay silent.</summary>
internal sealed record PushSighting(DateTimeOffset LastHeard, TimeSpan Interval, TimeSpan Limit);
