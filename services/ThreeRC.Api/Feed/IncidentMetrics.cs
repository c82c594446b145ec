using System.Diagnostics.Metrics;
using ThreeRC.Contracts.Hypervisor;
using ThreeRC.Contracts.Monitoring;
using ThreeRC.Contracts.Placement;
using ThreeRC.Contracts.Recovery;
using ThreeRC.ServiceDefaults.Observability;

namespace ThreeRC.Api.Feed;

/// <summary>
/// The cluster's incidents, fences and alerts as metrics, counted from the events the Api records (an incident's event
/// redelivered is not counted again). Every Api instance receives every event, so each reports the same figures:
/// take the maximum over the instances, not their sum (infra/observability does).
/// </summary>
public sealed class IncidentMetrics
{
    private readonly Counter<long> _opened;
    private readonly Counter<long> _ended;
    private readonly Histogram<double> _timeToRecover;
    private readonly Counter<long> _fences;
    private readonly Counter<long> _fencingAlerts;
    private readonly Counter<long> _fencingHalts;
    private readonly Counter<long> _noCapacity;
    private readonly Counter<long> _sourcesLost;

    public IncidentMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(ThreeRcMeter.Name);
        _opened = meter.CreateCounter<long>("threerc.incidents.opened", description: "Incidents opened, by the level they start at");
        _ended = meter.CreateCounter<long>("threerc.incidents.ended", description: "Incidents ended, by outcome and the last step they reached");
        _timeToRecover = meter.CreateHistogram("threerc.incident.duration", unit: "s", description: "From an incident's start to its end, by outcome",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [5, 10, 20, 30, 60, 120, 180, 300, 600, 1200, 3600] });
        _fences = meter.CreateCounter<long>("threerc.fences", description: "Hosts fenced, and fences that failed, by method");
        _fencingAlerts = meter.CreateCounter<long>("threerc.fencing.alerts", description: "Fencing alerts: a VM left down because its host could not be fenced");
        _fencingHalts = meter.CreateCounter<long>("threerc.fencing.halts", description: "Times the mass-failure brake engaged");
        _noCapacity = meter.CreateCounter<long>("threerc.placement.no_capacity", description: "Placements that found no host with room");
        _sourcesLost = meter.CreateCounter<long>("threerc.monitor.sources.lost", description: "Times a Ganglia source stopped answering, by source");
    }

    public void Record(object message)
    {
        switch (message)
        {
            case RecoveryStarted started:
                _opened.Add(1, new KeyValuePair<string, object?>("start_level", started.StartLevel.ToString()));
                break;
            case RecoveryCompleted ended:
                var outcome = new KeyValuePair<string, object?>("outcome", ended.Outcome.ToString());
                _ended.Add(1, outcome, new KeyValuePair<string, object?>("last_step", ended.Steps.Count > 0 ? ended.Steps[^1].Step.ToString() : "None"));
                _timeToRecover.Record(ended.TimeToRecover.TotalSeconds, outcome);
                break;
            case HostFenced fenced:
                _fences.Add(1, new("outcome", "Fenced"), new("method", fenced.Method.ToString()));
                break;
            case FenceFailed failed:
                _fences.Add(1, new("outcome", "Failed"), new("method", failed.Method.ToString()));
                break;
            case FencingAlert:
                _fencingAlerts.Add(1);
                break;
            case FencingHalted:
                _fencingHalts.Add(1);
                break;
            case NoCapacity:
                _noCapacity.Add(1);
                break;
            case MonitorSourceUnavailable lost:
                _sourcesLost.Add(1, new KeyValuePair<string, object?>("source", lost.Source));
                break;
        }
    }
}
