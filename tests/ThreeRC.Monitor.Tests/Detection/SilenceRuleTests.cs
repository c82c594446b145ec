using ThreeRC.Inventory.Model;
using ThreeRC.Monitor.Detection;

namespace ThreeRC.Monitor.Tests.Detection;

public class SilenceRuleTests
{
    [Theory]
    [InlineData(4, null, 80, 20, null)]
    [InlineData(4, null, 81, 20, "TN 81 s > 4 x TMAX 20 s")]
    [InlineData(2.5, null, 51, 20, "TN 51 s > 2.5 x TMAX 20 s")]
    [InlineData(4, 3.0, 2, 20, null)]
    [InlineData(4, 3.0, 3, 20, "TN 3 s >= absolute limit 3 s")]
    [InlineData(4, 3.0, 95, 20, "TN 95 s >= absolute limit 3 s")]
    [InlineData(4, 2.5, 2, 20, null)]
    [InlineData(4, 2.5, 3, 20, "TN 3 s >= absolute limit 2.5 s")]
    [InlineData(4, 120.0, 81, 20, "TN 81 s > 4 x TMAX 20 s")]
    [InlineData(4, 120.0, 121, 20, "TN 121 s > 4 x TMAX 20 s")]
    [InlineData(4, 60.0, 61, 60, "TN 61 s >= absolute limit 60 s")]
    public void A_host_is_silent_past_factor_times_TMAX_or_once_TN_reaches_the_absolute_limit(
        double factor, double? absoluteSeconds, int tn, int tmax, string? expected)
    {
        var rule = new SilenceRule(Settings(factor, absoluteSeconds));

        Assert.Equal(expected, rule.Violation(tn, tmax));
    }

    [Fact]
    public void A_host_missing_from_every_report_is_silent_once_the_lower_limit_has_passed()
    {
        var rule = new SilenceRule(Settings(4, 30));

        Assert.Null(rule.MissingViolation(TimeSpan.FromSeconds(30), tmax: 20));
        Assert.Equal("missing from every report for 30.5 s (limit 30 s)", rule.MissingViolation(TimeSpan.FromSeconds(30.5), tmax: 20));
        Assert.Equal(TimeSpan.FromSeconds(80), new SilenceRule(Settings(4, null)).LimitFor(20));
    }

    private static DetectionSettings Settings(double factor, double? absoluteSeconds) =>
        new(factor, absoluteSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null, false, TimeSpan.FromSeconds(1));
}
