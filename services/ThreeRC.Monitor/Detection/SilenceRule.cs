using System.Globalization;
using ThreeRC.Inventory.Model;

namespace ThreeRC.Monitor.Detection;

/// <summary>
/// When a host has gone quiet. Ganglia's own rule, TN &gt; factor × TMAX, as gmetad and the web front-end apply it
/// (factor 4). And the inventory's absolute limit, a bound on the silence itself: TN counts whole seconds rounded
/// down, so TN ≥ limit means the host has been silent for at least the limit (TN &gt; limit would be a second late).
/// </summary>
internal sealed class SilenceRule(DetectionSettings settings)
{
    /// <summary>gmond's host TMAX, assumed for a host the monitor has never seen reported.</summary>
    public const int GmondTmax = 20;

    /// <summary>How long a host with this TMAX may stay silent.</summary>
    public TimeSpan LimitFor(int tmax)
    {
        var byFactor = TimeSpan.FromSeconds(settings.TmaxFactor * tmax);
        return settings.AbsoluteLimit is { } absolute && absolute < byFactor ? absolute : byFactor;
    }

    /// <summary>Why a host last heard <paramref name="secondsSinceHeard"/> (TN) ago is silent, or null when it is not.</summary>
    public string? Violation(int secondsSinceHeard, int tmax)
    {
        var byFactor = settings.TmaxFactor * tmax;
        if (settings.AbsoluteLimit is { } absolute && secondsSinceHeard >= absolute.TotalSeconds && (secondsSinceHeard <= byFactor || absolute.TotalSeconds <= byFactor))
            return $"TN {secondsSinceHeard} s >= absolute limit {Seconds(absolute)} s";
        return secondsSinceHeard > byFactor
            ? $"TN {secondsSinceHeard} s > {settings.TmaxFactor.ToString("0.##", CultureInfo.InvariantCulture)} x TMAX {tmax} s"
            : null;
    }

    /// <summary>
    /// Whether a host unheard for <paramref name="unheard"/> has been quiet for at least half its limit: when the
    /// monitor or Ganglia loses its network, every host reaches that at about the same time.
    /// </summary>
    public bool IsQuiet(TimeSpan unheard, int tmax) => unheard >= LimitFor(tmax) / 2;

    /// <summary>Why a host that no report lists, and that nobody has heard for <paramref name="silence"/>, is silent, or null.</summary>
    public string? MissingViolation(TimeSpan silence, int tmax)
    {
        var limit = LimitFor(tmax);
        return silence > limit ? $"missing from every report for {Seconds(silence)} s (limit {Seconds(limit)} s)" : null;
    }

    /// <summary>Why a host heard on UDP, and silent there for <paramref name="silence"/>, is silent.</summary>
    public static string Unheard(TimeSpan silence, Push.PushSighting udp, int missedHeartbeats) =>
        $"no Ganglia packet for {Seconds(silence)} s (limit {missedHeartbeats} heartbeats of {Seconds(udp.Interval)} s and {Seconds(udp.Limit - udp.Interval * missedHeartbeats)} s)";

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);
}
