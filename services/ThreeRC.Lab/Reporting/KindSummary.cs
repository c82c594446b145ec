using ThreeRC.Lab.Simulation;

namespace ThreeRC.Lab.Reporting;

/// <summary>Recovery times of one kind of crash.</summary>
public sealed record KindSummary(CrashKind Kind, int Injected, int Recovered, TimeSpan? Median, TimeSpan? P95, TimeSpan? Worst)
{
    public static KindSummary Of(CrashKind kind, IReadOnlyCollection<IncidentRecord> incidents)
    {
        var times = incidents.Where(i => i.Kind == kind && i.TimeToRecover is not null).Select(i => i.TimeToRecover!.Value).Order().ToList();
        return new KindSummary(kind, incidents.Count(i => i.Kind == kind), times.Count,
            Percentile(times, 0.5), Percentile(times, 0.95), times.Count == 0 ? null : times[^1]);
    }

    /// <summary>The nearest-rank percentile.</summary>
    public static TimeSpan? Percentile(IReadOnlyList<TimeSpan> sorted, double p) =>
        sorted.Count == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
