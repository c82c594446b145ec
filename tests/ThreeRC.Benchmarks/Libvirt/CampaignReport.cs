using System.Text;
using ThreeRC.Api.Reports;
using ThreeRC.Lab.Reporting;

namespace ThreeRC.Benchmarks.Libvirt;

/// <summary>
/// The campaign's figures: median, p95 and worst per fault kind, over every guest a fault took down (a power loss
/// takes down every guest of its host), and the paper's histograms of recovery time (fault → first heartbeat) drawn
/// from the lab's own numbers, guest faults and host power losses apart, as text and as SVG.
/// </summary>
public sealed class CampaignReport(IReadOnlyList<FaultMeasurement> faults)
{
    public IReadOnlyList<FaultMeasurement> Faults => faults;

    public IReadOnlyList<Histogram> Histograms =>
    [
        Histogram.Of("Guest faults: fault to first heartbeat", RecoveryTimes(faults.Where(fault => fault.Fault != LabFault.PowerLoss))),
        Histogram.Of("Host power losses: fault to first heartbeat, per guest", RecoveryTimes(faults.Where(fault => fault.Fault == LabFault.PowerLoss))),
    ];

    public string ToText()
    {
        var text = new StringBuilder();
        text.AppendLine("| fault | faults | guests | detection median / p95 / worst | controller overhead median / p95 / worst | boot median / p95 / worst | fault → first heartbeat median / p95 / worst |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var group in faults.GroupBy(fault => fault.Fault.ToString()).Append(faults.GroupBy(_ => "all").Single()))
            text.AppendLine($"| {group.Key} | {group.DistinctBy(fault => fault.Number).Count()} | {group.Count()} | {Figures(group.Select(fault => fault.Detection))} | " +
                $"{Figures(group.Select(fault => fault.ControllerOverhead))} | {Figures(group.Select(fault => fault.Boot))} | {Figures(group.Select(fault => fault.ToFirstHeartbeat))} |");
        foreach (var histogram in Histograms) text.AppendLine().Append(HistogramText.Render(histogram));
        return text.ToString();
    }

    /// <summary>
    /// One line per detection path: the medians of each part for every guest, and fault → first heartbeat for the
    /// crashes (destroy, kill -9) and for every guest fault.
    /// </summary>
    public static string SideBySide(IEnumerable<(string Path, CampaignReport Report)> reports)
    {
        var text = new StringBuilder();
        text.AppendLine("| path | guests | detection | controller overhead | boot | crash → first heartbeat median / p95 / worst | any guest fault → first heartbeat median / p95 / worst |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var (path, report) in reports)
        {
            var all = report.Faults;
            text.AppendLine($"| {path} | {all.Count} | {Median(all.Select(fault => fault.Detection))} | {Median(all.Select(fault => fault.ControllerOverhead))} | " +
                $"{Median(all.Select(fault => fault.Boot))} | {Figures(all.Where(fault => fault.IsCrash).Select(fault => fault.ToFirstHeartbeat))} | " +
                $"{Figures(all.Where(fault => fault.Fault != LabFault.PowerLoss).Select(fault => fault.ToFirstHeartbeat))} |");
        }

        return text.ToString();
    }

    /// <summary>Writes summary.txt (the table and the text histograms) and recovery-times.svg into <paramref name="folder"/>; returns their paths.</summary>
    public (string Text, string Svg) WriteTo(string folder)
    {
        Directory.CreateDirectory(folder);
        var (text, svg) = (Path.Combine(folder, "summary.txt"), Path.Combine(folder, "recovery-times.svg"));
        File.WriteAllText(text, ToText());
        File.WriteAllText(svg, HistogramSvg.Render(Histograms));
        return (text, svg);
    }

    private static List<TimeSpan> RecoveryTimes(IEnumerable<FaultMeasurement> measured) => [.. measured.Select(fault => fault.ToFirstHeartbeat)];

    /// <summary>Median, p95 (nearest rank) and worst, in seconds; "none" when there are none.</summary>
    private static string Figures(IEnumerable<TimeSpan> spans)
    {
        var sorted = spans.Order().ToList();
        if (sorted.Count == 0) return "none";
        double At(double share) => KindSummary.Percentile(sorted, share)!.Value.TotalSeconds;
        return $"{At(0.5):0.0} / {At(0.95):0.0} / {At(1):0.0} s";
    }

    private static string Median(IEnumerable<TimeSpan> spans) =>
        KindSummary.Percentile([.. spans.Order()], 0.5) is { } median ? $"{median.TotalSeconds:0.0} s" : "none";
}
