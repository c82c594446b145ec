using System.Globalization;
using System.Text.RegularExpressions;
using Google.Protobuf.WellKnownTypes;

namespace ThreeRC.Cli.Output;

/// <summary>How values read in tables: UTC times, short durations, lower-case states.</summary>
public static partial class Show
{
    public const string None = "-";

    public static string Time(Timestamp? time) =>
        time is null ? None : time.ToDateTimeOffset().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Span(Duration? duration) => duration is null ? None : Span(duration.ToTimeSpan());

    public static string Span(TimeSpan span) => span switch
    {
        { TotalSeconds: < 60 } => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.#}s"),
        { TotalHours: < 1 } => $"{span.Minutes}m {span.Seconds}s",
        { TotalDays: < 1 } => $"{span.Hours}h {span.Minutes}m",
        _ => $"{(int)span.TotalDays}d {span.Hours}h",
    };

    /// <summary>An enum value as a word: VmState.Recovering is "recovering", AwaitingCapacity is "awaiting-capacity".</summary>
    public static string Word(System.Enum value) => CapitalAfterLetter().Replace(value.ToString(), "-$1").ToLowerInvariant();

    public static string Step(ThreeRC.Api.V1.RecoveryStepKind step) =>
        step == ThreeRC.Api.V1.RecoveryStepKind.Unspecified ? "starting" : Word(step);

    public static string Text(string? text) => string.IsNullOrEmpty(text) ? None : text;

    [GeneratedRegex("(?<=[a-z0-9])([A-Z])")]
    private static partial Regex CapitalAfterLetter();
}
