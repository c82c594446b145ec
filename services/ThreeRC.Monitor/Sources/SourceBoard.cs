using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ThreeRC.Contracts.Monitoring;
using ThreeRC.Monitor.Ganglia;
using ThreeRC.Monitor.Options;
using ThreeRC.ServiceDefaults.Observability;

namespace ThreeRC.Monitor.Sources;

/// <summary>
/// The configured sources: how each answered the last poll (read by the health check), what the bus was last told
/// about each, and since when every one of them has been answering.
/// </summary>
internal sealed class SourceBoard
{
    private readonly ILogger<SourceBoard> _logger;
    private readonly Dictionary<GangliaSource, bool> _announcedAnswering = [];
    private IReadOnlyList<SourceReport> _lastReports = [];

    public SourceBoard(IOptions<MonitorOptions> options, IMeterFactory meters, ILogger<SourceBoard> logger)
    {
        _logger = logger;
        Sources = options.Value.Sources.Select(GangliaSource.Parse).ToList();
        var meter = meters.Create(ThreeRcMeter.Name);
        meter.CreateObservableGauge("threerc.monitor.sources", () => Sources.Count, description: "Ganglia sources this monitor polls");
        meter.CreateObservableGauge("threerc.monitor.sources.failing", () => LastReports.Count(report => !report.Answered),
            description: "Ganglia sources whose last poll failed; all of them: the monitor is blind");
    }

    public IReadOnlyList<GangliaSource> Sources { get; }

    /// <summary>The last poll's reports, one per source; empty before the first poll.</summary>
    public IReadOnlyList<SourceReport> LastReports => Volatile.Read(ref _lastReports);

    /// <summary>Since when every source has answered every poll; null while one fails.</summary>
    public DateTimeOffset? AllAnsweringSince { get; private set; }

    public void Observe(IReadOnlyList<SourceReport> reports)
    {
        var previous = LastReports.ToDictionary(report => report.Source);
        foreach (var report in reports)
        {
            var before = previous.GetValueOrDefault(report.Source);
            if (report.Failure is not null && report.Failure != before?.Failure)
                _logger.LogError("Ganglia source {Source} failed: {Reason}. No host is declared down for it", report.Source, report.Failure);
            else if (report.Answered && before is { Answered: false })
                _logger.LogInformation("Ganglia source {Source} answers again", report.Source);
        }

        Volatile.Write(ref _lastReports, reports);
        AllAnsweringSince = reports.All(report => report.Answered) ? AllAnsweringSince ?? reports.Min(report => report.ReceivedAt) : null;
    }

    /// <summary>
    /// The source events the bus has not had yet: <see cref="MonitorSourceUnavailable"/> when a source starts failing
    /// (on the first poll too) and <see cref="MonitorSourceRestored"/> when it answers again.
    /// </summary>
    public IEnumerable<(GangliaSource Source, bool Answering, object Message)> Unannounced()
    {
        foreach (var report in LastReports)
        {
            var announced = _announcedAnswering.GetValueOrDefault(report.Source, true);
            if (report.Answered == announced) continue;
            object message = report.Answered
                ? new MonitorSourceRestored(report.Source.ToString(), report.ReceivedAt)
                : new MonitorSourceUnavailable(report.Source.ToString(), report.Failure!, report.ReceivedAt);
            yield return (report.Source, report.Answered, message);
        }
    }

    public void Announced(GangliaSource source, bool answering) => _announcedAnswering[source] = answering;
}
