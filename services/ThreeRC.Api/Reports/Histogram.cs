namespace ThreeRC.Api.Reports;

/// <summary>A distribution of recovery times in equal-width bins, as the paper's Figures 2 and 3.</summary>
public sealed record Histogram(string Title, TimeSpan BinWidth, IReadOnlyList<int> Counts)
{
    public static Histogram Of(string title, IReadOnlyCollection<TimeSpan> times, int bins = 12)
    {
        var worst = times.Count == 0 ? TimeSpan.FromSeconds(1) : times.Max();
        var width = TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(worst.TotalSeconds / bins)));
        var counts = new int[bins];
        foreach (var time in times) counts[Math.Min(bins - 1, (int)(time / width))]++;
        return new Histogram(title, width, counts);
    }

    public int Total => Counts.Sum();

    public (TimeSpan From, TimeSpan To) Bin(int index) => (BinWidth * index, BinWidth * (index + 1));
}
