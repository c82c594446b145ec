namespace ThreeRC.Contracts.Recovery;

/// <summary>
/// The mass-failure brake: too many physical hosts went silent at once to be believed, so no host is fenced and no
/// incident acts (no reboot, restart, relocation or reinstall) until an operator resumes fencing.
/// </summary>
/// <param name="Reason">Why, in words: how many hosts went silent within which window, and the bound.</param>
/// <param name="SilentHosts">The physical hosts found silent.</param>
/// <param name="PhysicalHosts">The physical hosts of the inventory.</param>
/// <param name="HaltedAt">When the brake engaged.</param>
public record FencingHalted(string Reason, IReadOnlyList<string> SilentHosts, int PhysicalHosts, DateTimeOffset HaltedAt);
