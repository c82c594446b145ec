namespace ThreeRC.Monitor.Detection;

/// <summary>What one poll says of a watched host: responsive, or silent and why.</summary>
/// <param name="Host">The host.</param>
/// <param name="Sighting">Its freshest report among the sources that answered; null when none lists it.</param>
/// <param name="Silence">Why it counts as unresponsive, in words; null when it is responsive.</param>
internal sealed record HostJudgement(WatchedHost Host, HostSighting? Sighting, string? Silence)
{
    public bool IsResponsive => Silence is null;
}
