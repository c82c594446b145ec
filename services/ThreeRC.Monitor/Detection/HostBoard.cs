using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using ThreeRC.Contracts.Monitoring;
using ThreeRC.Inventory.Model;
using ThreeRC.Monitor.Ganglia;
using ThreeRC.Monitor.Push;
using ThreeRC.Monitor.Sources;

namespace ThreeRC.Monitor.Detection;

/// <summary>
/// Every host of the inventory as the monitor sees it: what the bus was last told about it, when it was last heard,
/// and, each poll, a judgement from the freshest report of the sources that answered, or, for a host heard on UDP
/// (<see cref="PushBoard"/>), from its last packet.
/// </summary>
internal sealed class HostBoard(ClusterInventory inventory, PushBoard push, ILogger<HostBoard> logger)
{
    private readonly SilenceRule _rule = new(inventory.Detection);
    private readonly HashSet<string> _gangliaNames = new(WatchedHost.From(inventory).Select(host => host.GangliaName), StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _ignored = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _explained = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, (HostStatus Status, DateTimeOffset Since)> _status = [];
    private readonly Dictionary<string, HostSighting> _lastSightings = [];
    private readonly ConcurrentDictionary<string, DateTimeOffset> _incidents = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<WatchedHost> Hosts { get; } = WatchedHost.From(inventory);

    public HostStatus StatusOf(WatchedHost host) => _status.GetValueOrDefault(host.Name).Status;

    public void Record(WatchedHost host, HostStatus status, DateTimeOffset now)
    {
        if (StatusOf(host) != status) _status[host.Name] = (status, now);
    }

    /// <summary>What the bus was last told of each host judged so far, and since when.</summary>
    public IReadOnlyList<HostStateReport> States() =>
    [
        .. Hosts.Where(host => StatusOf(host) != HostStatus.Unknown).Select(host =>
        {
            var (status, since) = _status[host.Name];
            var sighting = _lastSightings.GetValueOrDefault(host.Name);
            return new HostStateReport(host.Name, host.Kind, status == HostStatus.Responsive, since, sighting?.LastHeardAt, sighting?.Source.ToString());
        }),
    ];

    /// <summary>
    /// An incident opened for <paramref name="name"/> at <paramref name="startedAt"/>. A VM can be recovered before
    /// this monitor ever found it silent (its host failed and it was restarted elsewhere within the limit); its
    /// first heartbeat after the incident began must still be announced, or the incident would wait for it forever.
    /// </summary>
    public void IncidentStarted(string name, DateTimeOffset startedAt)
    {
        if (Hosts.Any(host => string.Equals(host.Name, name, StringComparison.OrdinalIgnoreCase))) _incidents[name] = startedAt;
    }

    /// <summary>Whether the host was heard after an incident about it began (and so is back, as far as that incident goes).</summary>
    public bool HeardSinceIncident(HostJudgement judgement) =>
        _incidents.TryGetValue(judgement.Host.Name, out var startedAt) && judgement.Sighting is { } sighting && sighting.LastHeardAt > startedAt;

    /// <summary>The host's return has been announced: no incident awaits its heartbeat any more.</summary>
    public void Announced(WatchedHost host) => _incidents.TryRemove(host.Name, out _);

    /// <summary>
    /// Judges each host from the reports of the sources that answered. A host no report lists is judged only when
    /// every source has been answering for longer than its limit (a source that failed may be the one that knows it,
    /// and a restarted gmond lists a host again only at its next heartbeat); until then it is left out. The same
    /// silences, against half the limit, say which physical hosts are quiet.
    /// </summary>
    public PollJudgement Judge(IReadOnlyList<SourceReport> answered, DateTimeOffset? allAnsweringSince, DateTimeOffset now)
    {
        LogIgnoredHosts(answered);
        var judgements = new List<HostJudgement>(Hosts.Count);
        var quiet = new List<string>();
        foreach (var host in Hosts)
        {
            var xml = Freshest(host, answered);
            var (judgement, isQuiet) = push.Sighting(host.GangliaName) is { } udp
                ? Heard(host, xml, udp, now)
                : xml is not null
                    ? Seen(host, xml)
                    : Missing(host, allAnsweringSince, now);
            ExplainPaths(host, xml, now);
            if (judgement is not null) judgements.Add(judgement);
            if (isQuiet && host.Kind == HostKind.Physical) quiet.Add(host.Name);
        }

        return new PollJudgement(judgements, quiet);
    }

    private (HostJudgement Judgement, bool IsQuiet) Seen(WatchedHost host, HostSighting sighting)
    {
        _lastSightings[host.Name] = sighting;
        var report = sighting.Report;
        return (new HostJudgement(host, sighting, _rule.Violation(report.SecondsSinceHeard, report.Tmax)),
            _rule.IsQuiet(TimeSpan.FromSeconds(report.SecondsSinceHeard), report.Tmax));
    }

    /// <summary>
    /// A host heard on UDP: silent once its limit passed since its last packet, or since gmond last heard it when that is
    /// later (packets that reached gmond but not the monitor). TN counts whole seconds rounded down, so a report's time
    /// minus TN may be up to a second after the packet: a report counts from a second earlier. Never later than the
    /// XML's rule would find it: a learned interval can be too long (a VM that crashed again at its first heartbeat after
    /// a recovery shows two long gaps running, as a slowed sender does), and then the inventory's limit still holds.
    /// </summary>
    private (HostJudgement Judgement, bool IsQuiet) Heard(WatchedHost host, HostSighting? xml, PushSighting udp, DateTimeOffset now)
    {
        var reported = xml?.LastHeardAt - TimeSpan.FromSeconds(1);
        var lastHeard = reported > udp.LastHeard ? reported.Value : udp.LastHeard;
        var sighting = xml is not null
            ? xml with { LastHeardAt = lastHeard, Source = lastHeard == udp.LastHeard ? push.Source : xml.Source }
            : new HostSighting(new GangliaHost(host.GangliaName, (int)(now - lastHeard).TotalSeconds, (int)Math.Ceiling(udp.Interval.TotalSeconds), GangliaLoad.None),
                push.Source, lastHeard);
        if (xml is not null) _lastSightings[host.Name] = sighting;
        var silent = now - lastHeard;
        var tmax = xml?.Report.Tmax ?? SilenceRule.GmondTmax;
        var silence = silent > udp.Limit
            ? SilenceRule.Unheard(silent, udp, inventory.Detection.MissedHeartbeats)
            : _rule.Violation((int)silent.TotalSeconds, tmax);
        return (new HostJudgement(host, sighting, silence), silent >= udp.Limit / 2 || _rule.IsQuiet(silent, tmax));
    }

    /// <summary>
    /// Once per host, why one path hears it and the other does not: a host never heard on UDP only once packets have
    /// been arriving for a minute (the first poll comes before any heartbeat).
    /// </summary>
    private void ExplainPaths(WatchedHost host, HostSighting? xml, DateTimeOffset now)
    {
        var heard = push.Knows(host.GangliaName);
        if (xml is null && heard && _explained.Add(host.Name))
            logger.LogInformation("{Host} is heard on UDP but no Ganglia source lists it: is its gmond in another cluster than the monitor's sources?", host.GangliaName);
        else if (xml is not null && !heard && push.FirstHeardAt < now - TimeSpan.FromMinutes(1) && _explained.Add(host.Name))
            logger.LogInformation("{Host} is listed by {Source} but was never heard on UDP {Push}: does its gmond send to the monitor (a udp_send_channel to it)?",
                host.GangliaName, xml.Source, push.Source);
    }

    private (HostJudgement? Judgement, bool IsQuiet) Missing(WatchedHost host, DateTimeOffset? allAnsweringSince, DateTimeOffset now)
    {
        if (allAnsweringSince is not { } since) return (null, false);
        var last = _lastSightings.GetValueOrDefault(host.Name);
        var silentSince = last is not null && last.LastHeardAt > since ? last.LastHeardAt : since;
        var tmax = last?.Report.Tmax ?? SilenceRule.GmondTmax;
        var silence = _rule.MissingViolation(now - silentSince, tmax);
        return (silence is null ? null : new HostJudgement(host, null, silence), _rule.IsQuiet(now - silentSince, tmax));
    }

    private static HostSighting? Freshest(WatchedHost host, IReadOnlyList<SourceReport> answered)
    {
        HostSighting? freshest = null;
        foreach (var report in answered)
        {
            if (!report.Document!.Hosts.TryGetValue(host.GangliaName, out var listed)) continue;
            var lastHeardAt = report.ReceivedAt - TimeSpan.FromSeconds(listed.SecondsSinceHeard);
            if (freshest is null || lastHeardAt > freshest.LastHeardAt) freshest = new HostSighting(listed, report.Source, lastHeardAt);
        }

        return freshest;
    }

    private void LogIgnoredHosts(IReadOnlyList<SourceReport> answered)
    {
        if (!logger.IsEnabled(LogLevel.Debug)) return;
        foreach (var report in answered)
        foreach (var name in report.Document!.Hosts.Keys)
            if (!_gangliaNames.Contains(name) && _ignored.Add(name))
                logger.LogDebug("Ganglia host {GangliaHost} reported by {Source} is not in the inventory; ignored", name, report.Source);
    }
}
