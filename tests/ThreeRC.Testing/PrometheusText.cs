using System.Globalization;
using Xunit;

namespace ThreeRC.Testing;

/// <summary>Reads a service's <c>/metrics</c> page (Prometheus's text format).</summary>
public static class PrometheusText
{
    /// <summary>The value of the sample of <paramref name="metric"/> whose labels include every one of <paramref name="labels"/> (<c>outcome="Failed"</c>); 0 before it is first counted.</summary>
    public static double Value(string metrics, string metric, params string[] labels)
    {
        var samples = metrics.Split('\n').Where(line =>
            (line.StartsWith(metric + "{", StringComparison.Ordinal) || line.StartsWith(metric + " ", StringComparison.Ordinal))
            && labels.All(label => line.Contains(label, StringComparison.Ordinal))).ToList();
        Assert.True(samples.Count <= 1, $"{metric} {string.Join(", ", labels)} names more than one sample:\n{string.Join("\n", samples)}");
        return samples.Count == 0 ? 0 : double.Parse(samples[0].Split(' ')[^1], CultureInfo.InvariantCulture);
    }
}
