using System.Globalization;

namespace ThreeRC.Api.Feed;

/// <summary>Durations as operators read them: 45s, 4m 12s, 2h 5m.</summary>
public static class Durations
{
    public static string Format(TimeSpan duration) => duration switch
    {
        { TotalSeconds: < 60 } => string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0.#}s"),
        { TotalHours: < 1 } => $"{duration.Minutes}m {duration.Seconds}s",
        _ => $"{(int)duration.TotalHours}h {duration.Minutes}m",
    };
}
