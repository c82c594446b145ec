using Microsoft.Extensions.Diagnostics.HealthChecks;
using ThreeRC.Monitor.Sources;

namespace ThreeRC.Monitor.Health;

/// <summary>Degraded while a Ganglia source fails, naming each one and why; the monitor itself keeps running.</summary>
internal sealed class GangliaSourcesHealthCheck(SourceBoard sources) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var reports = sources.LastReports;
        var failing = reports.Where(report => !report.Answered).ToList();
        var result = (reports.Count, failing.Count) switch
        {
            (0, _) => HealthCheckResult.Healthy($"waiting for the first poll of {string.Join(", ", sources.Sources)}"),
            (_, 0) => HealthCheckResult.Healthy($"every Ganglia source answers: {string.Join(", ", sources.Sources)}"),
            _ => HealthCheckResult.Degraded(
                string.Join("; ", failing.Select(report => $"Ganglia source {report.Source} {report.Failure}"))
                + (failing.Count == reports.Count ? "; no source answers, so no host is judged" : "")),
        };
        return Task.FromResult(result);
    }
}
