using ThreeRC.Lab.Simulation;

namespace ThreeRC.Lab;

/// <summary>What the lab simulates and for how long; set from the command line.</summary>
public sealed record LabSettings
{
    public int Hosts { get; init; } = 4;

    public int VmsPerHost { get; init; } = 3;

    /// <summary>How long crashes are injected.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>
    /// After the injection, how long the lab waits at most for the incidents still open before its summary: enough
    /// for one crashed at the last moment to go through every level (detection, T1, T2, an install).
    /// </summary>
    public TimeSpan Settle { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>The mean time between two injected crashes.</summary>
    public TimeSpan CrashEvery { get; init; } = TimeSpan.FromSeconds(12);

    public int Seed { get; init; } = 3;

    public IReadOnlyList<CrashKind> Kinds { get; init; } = Enum.GetValues<CrashKind>();

    /// <summary>How long a lost host stays without power before its power returns.</summary>
    public TimeSpan PowerReturnsAfter { get; init; } = TimeSpan.FromSeconds(60);

    public LabTimings Timings { get; init; } = new(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(12));

    /// <summary>T1, T2 and the install budget written into the lab's inventory.</summary>
    public (TimeSpan RebootWait, TimeSpan RestartWait, TimeSpan InstallBudget) Timers { get; init; } =
        (TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(90));

    /// <summary>Silence after which the monitor calls a machine unresponsive (the inventory's absoluteLimit).</summary>
    public TimeSpan DetectAfter { get; init; } = TimeSpan.FromSeconds(6);

    public string OutputDirectory { get; init; } = "lab-results";

    public int HttpPort { get; init; } = 5080;

    /// <summary>The Api's gRPC port (HTTP/2), for the threerc CLI.</summary>
    public int GrpcPort { get; init; } = 5087;

    public int GangliaPort { get; init; }

    /// <summary>What is wrong with these settings, one message per problem, naming the option.</summary>
    public IReadOnlyList<string> Errors()
    {
        var errors = new List<string>();
        if (Hosts < 2) errors.Add("--hosts: the lab needs at least 2 hosts, so that VMs can move");
        if (VmsPerHost < 1) errors.Add("--vms-per-host: at least 1");
        if (Duration <= TimeSpan.Zero) errors.Add("--duration: must be positive");
        if (Settle < TimeSpan.Zero) errors.Add("--settle: must not be negative");
        if (CrashEvery <= TimeSpan.Zero) errors.Add("--crash-every: must be positive");
        if (Kinds.Count == 0) errors.Add("--kinds: name at least one kind");
        if (HttpPort is < 1 or > 65535) errors.Add("--port: a TCP port");
        if (GrpcPort is < 1 or > 65535 || GrpcPort == HttpPort) errors.Add("--grpc-port: a TCP port other than --port");
        return errors;
    }
}
