namespace ThreeRC.ServiceDefaults.Observability;

/// <summary>
/// The meter of ThreeRC's own metrics, created per service through <c>IMeterFactory</c>. On <c>/metrics</c> their
/// names read with underscores, counters ending in <c>_total</c>, durations in <c>_seconds</c>.
/// </summary>
public static class ThreeRcMeter
{
    public const string Name = "ThreeRC";

    /// <summary>Where Prometheus scrapes every service, on its HTTP port.</summary>
    public const string ScrapePath = "/metrics";
}
