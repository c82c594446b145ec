namespace ThreeRC.Orchestrator.Options;

/// <summary>
/// The <c>Orchestrator</c> configuration section. T1, T2 and the install budget come from the inventory's
/// <c>timers</c>; these are the controller's own limits.
/// </summary>
public sealed class OrchestratorOptions
{
    public const string SectionName = "Orchestrator";

    /// <summary>Incidents doing hypervisor work (guest reboot, fencing, restart) at once, cluster-wide.</summary>
    public int MaxConcurrentRecoveries { get; set; } = 100;

    /// <summary>VM restarts in flight at once on one target host.</summary>
    public int MaxConcurrentRestartsPerHost { get; set; } = 4;

    /// <summary>How long a waiting incident waits before it asks for a slot again.</summary>
    public TimeSpan SlotRetryInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A VM that crashes again within this window after a recovery starts one level higher.</summary>
    public TimeSpan FlapWindow { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Incidents within <see cref="FlapWindow"/> after which a VM stops in Failed (reason "flapping").</summary>
    public int FlapLimit { get; set; } = 3;

    /// <summary>How long to wait for placement before asking again.</summary>
    public TimeSpan PlacementTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Restarts tried per level before escalating: a restart that fails (its target unreachable, its hypervisor
    /// refusing) is first placed again, on another host, since the next level (reinstall) wipes the VM.
    /// </summary>
    public int RestartAttempts { get; set; } = 2;

    /// <summary>How long to wait for a fencing result before trying again.</summary>
    public TimeSpan FenceTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The first wait after a failed fencing attempt; it doubles per round of methods.</summary>
    public TimeSpan FenceRetryInitial { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait between fencing attempts.</summary>
    public TimeSpan FenceRetryMax { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the deadline sweeper looks for due deadlines.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The most deadlines one sweep publishes.</summary>
    public int SweepBatchSize { get; set; } = 1000;

    /// <summary>A published deadline still due after this long is published again (its message was lost).</summary>
    public TimeSpan RedispatchAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>When so many physical hosts go silent at once that the monitor, not the hosts, is more likely blind.</summary>
    public MassFailureOptions MassFailure { get; set; } = new();

    /// <summary>Faults the orchestrator injects into itself, for tests; none by default.</summary>
    public FaultInjectionOptions FaultInjection { get; set; } = new();
}
