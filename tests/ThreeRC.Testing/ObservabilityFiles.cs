using System.Text.RegularExpressions;

namespace ThreeRC.Testing;

/// <summary>What infra/observability (the Prometheus alert rules and the Grafana dashboard) asks of the services' metrics.</summary>
public static partial class ObservabilityFiles
{
    /// <summary>Every metric name the alert rules and the dashboard query, as Prometheus spells it (histograms by their series).</summary>
    public static IReadOnlyList<string> MetricNames() =>
        new[] { "alert-rules.yml", "grafana-dashboard.json" }
            .Select(file => File.ReadAllText(RepositoryRoot.Combine("infra", "observability", file)))
            .SelectMany(text => MetricName().Matches(text).Select(match => match.Value))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

    [GeneratedRegex(@"\b(threerc|messaging|rabbitmq)_[a-z_]+\b")]
    private static partial Regex MetricName();
}
