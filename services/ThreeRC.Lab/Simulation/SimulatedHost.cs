namespace ThreeRC.Lab.Simulation;

/// <summary>A simulated physical host: powered or not, heartbeating to Ganglia while powered.</summary>
public sealed class SimulatedHost(string name, string ip, int cpus, int memoryMb, TimeSpan heartbeat)
{
    public string Name { get; } = name;

    public string Ip { get; } = ip;

    public int Cpus { get; } = cpus;

    public long MemoryKb { get; } = memoryMb * 1024L;

    public bool PoweredOn { get; set; } = true;

    public Heartbeat Heartbeat { get; } = new(heartbeat);
}
