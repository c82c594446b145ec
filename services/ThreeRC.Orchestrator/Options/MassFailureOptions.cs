namespace ThreeRC.Orchestrator.Options;

/// <summary>
/// The mass-failure brake (<c>Orchestrator:MassFailure</c>): when more than <see cref="Share"/> of the inventory's
/// physical hosts go silent within <see cref="Window"/>, no host is fenced and no incident acts until an operator
/// resumes fencing. Ganglia cannot tell a power cut of most hosts from a monitor that lost its network.
/// </summary>
public sealed class MassFailureOptions
{
    /// <summary>The share of physical hosts (0 to 1) that may go silent together; more engages the brake. 1 switches it off.</summary>
    public double Share { get; set; } = 0.5;

    /// <summary>Hosts that went silent within this window count together.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(30);
}
