using System.Text.Json;
using Xunit;

namespace ThreeRC.Testing;

/// <summary>Reads a service's <c>/health</c> report.</summary>
public static class HealthReports
{
    /// <summary>
    /// Every check of <paramref name="report"/> is Healthy but <paramref name="allowed"/>, which may say Degraded: the
    /// executor's SSH logins, say, when the sample inventory names hosts that do not exist and no known-hosts file is set.
    /// </summary>
    public static void AssertHealthyBut(JsonElement report, string allowed) =>
        Assert.All(report.GetProperty("checks").EnumerateArray().Where(check => check.GetProperty("name").GetString() != allowed),
            check => Assert.True(check.GetProperty("status").GetString() == "Healthy", check.ToString()));
}
