namespace ThreeRC.Benchmarks;

/// <summary>
/// A measurement too large or too real for BenchmarkDotNet (real gmond, RabbitMQ, thousands of VMs):
/// it runs once and prints its own figures.
/// </summary>
public interface IScenario
{
    /// <summary>The name to run it by, such as "monitor-detection-latency".</summary>
    string Name { get; }

    /// <summary>What it measures and against which goal.</summary>
    string Description { get; }

    Task RunAsync(string[] arguments, TextWriter output);
}
