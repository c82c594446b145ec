using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.Extensions.Logging.Abstractions;
using ThreeRC.Contracts.Placement;
using ThreeRC.Placement.Engine;
using ThreeRC.Placement.Model;
using ThreeRC.Placement.Options;
using ThreeRC.Testing.Placement;

namespace ThreeRC.Benchmarks.Placement;

/// <summary>
/// The storm of issue 5 on the in-memory engine: with 100 of 1,000 hosts down, place their 2,000 VMs one PlaceVm
/// at a time. Each iteration starts from a fresh state (every host's load reported, the 100 hosts down). It runs in
/// process: a separate build of every service for the benchmark outlasts BenchmarkDotNet's build timeout here.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessConfig))]
public class PlacementStormBenchmark
{
    private readonly StormCluster _storm = new();
    private List<PlaceVm> _requests = [];
    private PlacementEngine _engine = null!;

    [GlobalSetup]
    public void ListTheRequests() => _requests = _storm.Requests.ToList();

    [IterationSetup]
    public void FailTheHosts()
    {
        _engine = new PlacementEngine(new PlacementState(_storm.Inventory), new PlacementOptions(), NullLogger.Instance);
        _engine.RecordLoads(_storm.Loads, StormCluster.At);
        foreach (var failure in _storm.Failures) _engine.HostDown(failure);
    }

    [Benchmark(Description = "place 2,000 displaced VMs among 1,000 hosts")]
    public int PlaceTheDisplacedVms() => _requests.Count(request => _engine.Place(request, StormCluster.At).Placed is not null);

    private sealed class InProcessConfig : ManualConfig
    {
        public InProcessConfig() =>
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(15));
    }
}
