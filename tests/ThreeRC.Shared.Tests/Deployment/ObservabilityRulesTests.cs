using System.Text.Json;
using ThreeRC.Testing;

namespace ThreeRC.Shared.Tests.Deployment;

/// <summary>
/// infra/observability checked by Debian's promtool: the scrape config and rules load, the alerts fire as written, and
/// every query of the Grafana dashboard parses (Grafana itself is not in Debian).
/// </summary>
public sealed class ObservabilityRulesTests
{
    private static readonly string Folder = RepositoryRoot.Combine("infra", "observability");

    [Fact]
    public async Task The_scrape_config_and_its_alert_rules_load_in_prometheus()
    {
        var result = await PromtoolAsync("check", "config", "prometheus.yml");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("SUCCESS: 8 rules found", result.Output);
    }

    [Fact]
    public async Task The_alerts_fire_on_series_as_the_services_write_them_once_for_two_api_instances()
    {
        var result = await PromtoolAsync("test", "rules", "alert-rules.test.yml");

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public async Task Every_query_of_the_grafana_dashboard_is_valid_promql()
    {
        using var dashboard = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "grafana-dashboard.json")));
        var queries = dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .SelectMany(panel => panel.TryGetProperty("targets", out var targets) ? targets.EnumerateArray() : Enumerable.Empty<JsonElement>())
            .Select(target => target.GetProperty("expr").GetString()!)
            .ToList();
        using var folder = new TempDirectory("dashboard");
        // Each query as a recording rule: promtool parses it as Prometheus would (a JSON string is a YAML scalar too).
        var rules = "groups:\n  - name: dashboard\n    rules:\n" +
            string.Concat(queries.Select((query, index) => $"      - record: dashboard:query_{index}\n        expr: {JsonSerializer.Serialize(query)}\n"));

        var result = await PromtoolAsync("check", "rules", folder.Write("dashboard.rules.yml", rules));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"SUCCESS: {queries.Count} rules found", result.Output);
        Assert.True(queries.Count >= 10, $"only {queries.Count} queries read from the dashboard");
    }

    private static Task<CommandResult> PromtoolAsync(params string[] arguments) =>
        Command.RunAsync("promtool", arguments, TimeSpan.FromMinutes(1), workingDirectory: Folder);
}
