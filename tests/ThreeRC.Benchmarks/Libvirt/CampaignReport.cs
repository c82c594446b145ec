namespace ThreeRC.Benchmarks.Libvirt;

/// <summary>The campaign's figures: median, p95 and worst per fault kind, and the paper's histogram of fault → first heartbeat.</summary>
public static class CampaignReport
{
    public static async Task WriteAsync(IReadOnlyList<FaultMeasurement> faults, TextWriter output)
    {
        await output.WriteLineAsync("| fault | n | detection median / p95 / worst | controller overhead median / p95 / worst | fault → first heartbeat median / p95 / worst |");
        await output.WriteLineAsync("|---|---|---|---|---|");
        foreach (var group in faults.GroupBy(fault => fault.Fault.ToString()).Append(faults.GroupBy(_ => "all").Single()))
            await output.WriteLineAsync($"| {group.Key} | {group.Count()} | {Figures(group.Select(fault => fault.Detection))} | " +
                $"{Figures(group.Select(fault => fault.ControllerOverhead))} | {Figures(group.Select(fault => fault.ToFirstHeartbeat))} |");

        await output.WriteLineAsync();
        await output.WriteLineAsync("fault → first heartbeat after recovery (2 s buckets):");
        foreach (var bucket in faults.GroupBy(fault => (int)(fault.ToFirstHeartbeat.TotalSeconds / 2) * 2).OrderBy(bucket => bucket.Key))
            await output.WriteLineAsync($"  {bucket.Key,3}-{bucket.Key + 2,3} s | {new string('#', bucket.Count())} {bucket.Count()}");
    }

    private static string Figures(IEnumerable<TimeSpan> spans)
    {
        var sorted = spans.Select(span => span.TotalSeconds).Order().ToList();
        return $"{Percentile(sorted, 0.5):0.0} / {Percentile(sorted, 0.95):0.0} / {sorted[^1]:0.0} s";
    }

    /// <summary>The nearest-rank percentile: the smallest value with at least <paramref name="share"/> of the values at or below it.</summary>
    private static double Percentile(List<double> sorted, double share) => sorted[Math.Max(0, (int)Math.Ceiling(sorted.Count * share) - 1)];
}
