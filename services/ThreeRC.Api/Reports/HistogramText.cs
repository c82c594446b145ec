using System.Text;

namespace ThreeRC.Api.Reports;

/// <summary>Draws a histogram with characters, one line per bin.</summary>
public static class HistogramText
{
    public static string Render(Histogram histogram, int width = 40)
    {
        var text = new StringBuilder($"{histogram.Title} ({histogram.Total} incidents)\n");
        var most = Math.Max(1, histogram.Counts.DefaultIfEmpty().Max());
        for (var i = 0; i < histogram.Counts.Count; i++)
        {
            var (from, to) = histogram.Bin(i);
            var bar = new string('#', (int)Math.Round((double)histogram.Counts[i] / most * width));
            text.AppendLine($"  {from.TotalSeconds,5:0}-{to.TotalSeconds,-5:0} s | {bar} {histogram.Counts[i]}");
        }

        return text.ToString();
    }
}
