using System.Globalization;
using System.Text;
using ThreeRC.Api.Reports;
using ThreeRC.Lab.Simulation;

namespace ThreeRC.Lab.Reporting;

/// <summary>The end of a lab or campaign: incidents per kind, time to recover per kind, and the paper's two histograms.</summary>
public sealed record LabSummary(IReadOnlyList<KindSummary> Kinds, Histogram NonDestructive, Histogram Destructive, int SafetyViolations)
{
    public static LabSummary Of(IReadOnlyList<IncidentRecord> incidents, int safetyViolations)
    {
        var recovered = incidents.Where(i => i.TimeToRecover is not null).ToList();
        return new LabSummary(
            Enum.GetValues<CrashKind>().Select(kind => KindSummary.Of(kind, incidents)).ToList(),
            Histogram.Of("Recovery time after non-destructive crashes", recovered.Where(i => !i.Destructive).Select(i => i.TimeToRecover!.Value).ToList()),
            Histogram.Of("Recovery time after destructive crashes", recovered.Where(i => i.Destructive).Select(i => i.TimeToRecover!.Value).ToList()),
            safetyViolations);
    }

    public string ToText()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{"kind",-14} {"injected",8} {"recovered",9} {"median",8} {"p95",8} {"worst",8}");
        foreach (var kind in Kinds)
            text.AppendLine(CultureInfo.InvariantCulture, $"{kind.Kind,-14} {kind.Injected,8} {kind.Recovered,9} {Seconds(kind.Median),8} {Seconds(kind.P95),8} {Seconds(kind.Worst),8}");
        text.AppendLine(CultureInfo.InvariantCulture, $"VMs started while still running elsewhere: {SafetyViolations}");
        text.AppendLine().Append(HistogramText.Render(NonDestructive)).AppendLine().Append(HistogramText.Render(Destructive));
        return text.ToString();
    }

    /// <summary>Writes summary.txt and recovery-times.svg into <paramref name="folder"/>; returns their paths.</summary>
    public (string Text, string Svg) WriteTo(string folder)
    {
        Directory.CreateDirectory(folder);
        var (text, svg) = (Path.Combine(folder, "summary.txt"), Path.Combine(folder, "recovery-times.svg"));
        File.WriteAllText(text, ToText());
        File.WriteAllText(svg, HistogramSvg.Render([NonDestructive, Destructive]));
        return (text, svg);
    }

    private static string Seconds(TimeSpan? span) => span is { } value ? $"{value.TotalSeconds:0.0} s" : "-";
}
