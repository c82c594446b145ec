using ThreeRC.Testing;

namespace ThreeRC.Shared.Tests.Deployment;

/// <summary>infra/observability checked by Debian's promtool: the scrape config and rules load, and the alerts fire as written.</summary>
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

    private static Task<CommandResult> PromtoolAsync(params string[] arguments) =>
        Command.RunAsync("promtool", arguments, TimeSpan.FromMinutes(1), workingDirectory: Folder);
}
