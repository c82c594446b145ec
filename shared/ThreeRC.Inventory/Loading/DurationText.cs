using System.Globalization;
using System.Text.RegularExpressions;

namespace ThreeRC.Inventory.Loading;

/// <summary>Durations as operators write them: 500ms, 90s, 3m, 1.5h, or hh:mm:ss.</summary>
public static partial class DurationText
{
    /// <summary>Parses <paramref name="text"/>; false when it is not a duration.</summary>
    public static bool TryParse(string text, out TimeSpan duration)
    {
        var match = UnitPattern().Match(text.Trim());
        if (match.Success)
        {
            var amount = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            duration = match.Groups[2].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(amount),
                "s" => TimeSpan.FromSeconds(amount),
                "m" => TimeSpan.FromMinutes(amount),
                _ => TimeSpan.FromHours(amount),
            };
            return true;
        }

        return TimeSpan.TryParseExact(text.Trim(), @"hh\:mm\:ss", CultureInfo.InvariantCulture, out duration);
    }

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)(ms|s|m|h)$")]
    private static partial Regex UnitPattern();
}
