using System.Globalization;
using System.Text;
using ThreeRC.Lab.Reporting;
using ThreeRC.Lab.Simulation;

namespace ThreeRC.Benchmarks.Campaign;

/// <summary>The campaign's own figures per kind: detection, controller overhead, recovery without the emulated boot or install.</summary>
internal static class CampaignFigures
{
    public static string Render(IReadOnlyList<FaultOutcome> outcomes, Func<CrashKind, TimeSpan> emulated)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{"kind",-14} {"figure",-36} {"n",4} {"median",9} {"p95",9} {"p99",9} {"worst",9}");
        foreach (var kind in outcomes.Select(o => o.Kind).Distinct().Order())
        {
            var ofKind = outcomes.Where(o => o.Kind == kind).ToList();
            Row(text, kind, "crash -> HostUnresponsive", ofKind.Select(o => o.Detection));
            Row(text, kind, "HostUnresponsive -> incident opened", ofKind.Select(o => o.ToIncident));
            Row(text, kind, "HostUnresponsive -> first command", ofKind.Select(o => o.Overhead));
            Row(text, kind, "crash -> heartbeat, less emulation", ofKind.Select(o => o.Record.TimeToRecover - emulated(kind)));
        }

        Row(text, null, "HostUnresponsive -> first command", outcomes.Select(o => o.Overhead));
        return text.ToString();
    }

    private static void Row(StringBuilder text, CrashKind? kind, string figure, IEnumerable<TimeSpan?> values)
    {
        var sorted = values.OfType<TimeSpan>().Order().ToList();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{kind?.ToString() ?? "all",-14} {figure,-36} {sorted.Count,4} {S(KindSummary.Percentile(sorted, 0.5)),9} {S(KindSummary.Percentile(sorted, 0.95)),9} {S(KindSummary.Percentile(sorted, 0.99)),9} {S(sorted.Count == 0 ? null : sorted[^1]),9}");
    }

    private static string S(TimeSpan? span) => span is { } value ? $"{value.TotalSeconds:0.000} s" : "-";
}
