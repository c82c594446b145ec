namespace ThreeRC.Lab.Simulation;

/// <summary>A simulated VM: where its domain runs, and what its guest is doing.</summary>
public sealed class SimulatedVm(string name, string ip, string mac, int memoryMb, TimeSpan heartbeat)
{
    public string Name { get; } = name;

    public string Ip { get; } = ip;

    public string Mac { get; } = mac;

    public long MemoryKb { get; } = memoryMb * 1024L;

    /// <summary>The host whose hypervisor runs its domain, or null.</summary>
    public string? RunningOn { get; set; }

    public GuestCondition Guest { get; set; } = GuestCondition.Running;

    /// <summary>When the guest entered its condition (the start of a boot or an install).</summary>
    public DateTimeOffset Since { get; set; }

    /// <summary>When it last began heartbeating (its recovery, after a crash).</summary>
    public DateTimeOffset RunningSince { get; set; }

    /// <summary>/boot was erased: booting from disk fails until it is reinstalled.</summary>
    public bool BootErased { get; set; }

    public Heartbeat Heartbeat { get; } = new(heartbeat);
}
