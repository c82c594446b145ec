using ThreeRC.Api.Persistence;
using ThreeRC.Contracts.Recovery;

namespace ThreeRC.Api.Reports;

/// <summary>
/// A VM is down from an incident's last-heard time (its start when unknown) to its end, or until now while it
/// is open; after a failed incident, until it reports again. Downtime is clipped to the window, and overlapping
/// incidents count once. The time to recover counts from the last heartbeat too, not from the detection.
/// </summary>
public static class AvailabilityCalculator
{
    public static VmAvailabilityFigures Compute(
        string vmName, IEnumerable<RecoveryRecord> incidents, DateTimeOffset windowStart, DateTimeOffset windowEnd, DateTimeOffset now)
    {
        var inWindow = incidents
            .Where(incident => incident.VmName == vmName)
            .Select(incident => (Incident: incident, Start: Max(incident.DownSince, windowStart), End: Min(incident.DownUntil ?? now, windowEnd)))
            .Where(down => down.End > down.Start)
            .ToList();
        var downtime = Union(inWindow.Select(down => (down.Start, down.End)));
        var recovered = inWindow
            .Select(down => down.Incident.TimeToRecover)
            .OfType<TimeSpan>()
            .Order()
            .ToList();
        var window = windowEnd - windowStart;

        return new VmAvailabilityFigures(
            vmName,
            inWindow.Count,
            recovered.Count,
            inWindow.Count(down => down.Incident.Outcome == RecoveryOutcome.Failed),
            inWindow.Count(down => down.Incident.Outcome == RecoveryOutcome.Cancelled),
            inWindow.Count(down => down.Incident.IsOpen),
            downtime,
            Median(recovered),
            recovered.Count == 0 ? null : recovered[^1],
            100.0 * (window - downtime).Ticks / window.Ticks);
    }

    private static TimeSpan Union(IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> intervals)
    {
        var total = TimeSpan.Zero;
        DateTimeOffset? coveredUntil = null;
        foreach (var (start, end) in intervals.OrderBy(interval => interval.Start))
        {
            var from = coveredUntil is { } until && until > start ? until : start;
            if (end > from) total += end - from;
            if (coveredUntil is null || end > coveredUntil) coveredUntil = end;
        }

        return total;
    }

    private static TimeSpan? Median(IReadOnlyList<TimeSpan> sorted) => sorted.Count switch
    {
        0 => null,
        var n when n % 2 == 1 => sorted[n / 2],
        var n => (sorted[(n / 2) - 1] + sorted[n / 2]) / 2,
    };

    private static DateTimeOffset Max(DateTimeOffset first, DateTimeOffset second) => first > second ? first : second;

    private static DateTimeOffset Min(DateTimeOffset first, DateTimeOffset second) => first < second ? first : second;
}
