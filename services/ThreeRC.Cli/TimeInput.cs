using System.Globalization;
using System.Text.RegularExpressions;

namespace ThreeRC.Cli;

/// <summary>Reads a time given on the command line: a time such as 2026-11-26T04:00:00Z, or an age such as 7d, 12h, 30m, 45s (that long ago).</summary>
public static partial class TimeInput
{
    public static DateTimeOffset Parse(string text, string option, DateTimeOffset now)
    {
        var age = Age().Match(text);
        if (age.Success)
        {
            var amount = int.Parse(age.Groups["amount"].Value, CultureInfo.InvariantCulture);
            return now - age.Groups["unit"].Value switch
            {
                "d" => TimeSpan.FromDays(amount),
                "h" => TimeSpan.FromHours(amount),
                "m" => TimeSpan.FromMinutes(amount),
                _ => TimeSpan.FromSeconds(amount),
            };
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : throw new UsageException($"{option}: '{text}' is neither a time such as 2026-11-26T04:00:00Z nor an age such as 7d, 12h, 30m or 45s");
    }

    [GeneratedRegex("^(?<amount>[0-9]{1,6})(?<unit>[dhms])$")]
    private static partial Regex Age();
}
