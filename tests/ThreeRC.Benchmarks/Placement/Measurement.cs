using System.Diagnostics;

namespace ThreeRC.Benchmarks.Placement;

/// <summary>Wall-clock time and the process's CPU time over one section: on a shared machine the second is the steadier figure.</summary>
internal sealed class Measurement
{
    private readonly Stopwatch _wall = new();
    private TimeSpan _cpuAtStart;

    public TimeSpan Wall => _wall.Elapsed;

    public TimeSpan Cpu { get; private set; }

    public void Start()
    {
        _cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
        _wall.Start();
    }

    public void Stop()
    {
        _wall.Stop();
        Cpu = Process.GetCurrentProcess().TotalProcessorTime - _cpuAtStart;
    }
}
