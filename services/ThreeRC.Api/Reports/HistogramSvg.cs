using System.Globalization;
using System.Security;
using System.Text;

namespace ThreeRC.Api.Reports;

/// <summary>Draws histograms side by side as one SVG image.</summary>
public static class HistogramSvg
{
    private const int PanelWidth = 420;
    private const int PanelHeight = 260;
    private const int Margin = 40;

    public static string Render(IReadOnlyList<Histogram> histograms)
    {
        var svg = new StringBuilder();
        var (width, height) = (histograms.Count * (PanelWidth + Margin) + Margin, PanelHeight + 2 * Margin);
        var description = string.Join("; ", histograms.Select(histogram => $"{histogram.Title}: {histogram.Total} incidents"));
        svg.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" font-family="sans-serif" font-size="11">""");
        svg.Append(CultureInfo.InvariantCulture, $"""<title>{SecurityElement.Escape(description)}</title>""");
        svg.Append("""<rect width="100%" height="100%" fill="white"/>""");
        for (var i = 0; i < histograms.Count; i++) Panel(svg, histograms[i], Margin + i * (PanelWidth + Margin));
        return svg.Append("</svg>\n").ToString();
    }

    private static void Panel(StringBuilder svg, Histogram histogram, int left)
    {
        var most = Math.Max(1, histogram.Counts.DefaultIfEmpty().Max());
        var barWidth = (double)PanelWidth / Math.Max(1, histogram.Counts.Count);
        var bottom = Margin + PanelHeight;
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="{left}" y="{Margin - 14}" font-size="13">{SecurityElement.Escape(histogram.Title)} ({histogram.Total})</text>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{left}" y1="{bottom}" x2="{left + PanelWidth}" y2="{bottom}" stroke="black"/>""");
        for (var i = 0; i < histogram.Counts.Count; i++)
        {
            var height = (double)histogram.Counts[i] / most * (PanelHeight - 10);
            var x = left + i * barWidth;
            svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{x + 1:0.#}" y="{bottom - height:0.#}" width="{barWidth - 2:0.#}" height="{height:0.#}" fill="#4a7ebb"/>""");
            if (histogram.Counts[i] > 0)
                svg.Append(CultureInfo.InvariantCulture, $"""<text x="{x + barWidth / 2:0.#}" y="{bottom - height - 3:0.#}" text-anchor="middle">{histogram.Counts[i]}</text>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{x:0.#}" y="{bottom + 14}">{histogram.Bin(i).From.TotalSeconds:0}</text>""");
        }

        svg.Append(CultureInfo.InvariantCulture, $"""<text x="{left + PanelWidth / 2}" y="{bottom + 30}" text-anchor="middle">time to recover (s)</text>""");
    }
}
