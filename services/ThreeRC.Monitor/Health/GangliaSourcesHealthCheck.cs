using Microsoft.Extensions.Diagnostics.HealthChecks;
using ThreeRC.Monitor.Sources;

namespace ThreeRC.Monitor.Health;

/// <summary>
/// Degraded while a Ganglia source fails, naming each one and why; Unhealthy while every source fails, since a blind
/// monitor judges no host. The monitor itself keeps running and polling.
/// </summary>
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
            _ when failing.Count == reports.Count => HealthCheckResult.Unhealthy(Failures(failing) + "; no source answers, so no host is judged"),
            _ => HealthCheckResult.Degraded(Failures(failing)),
        };
        return Task.FromResult(result);
    }

    private static string Failures(IEnumerable<SourceReport> failing) =>
        string.Join("; ", failing.Select(report => $"Ganglia source {report.Source} {report.Failure}"));
}
