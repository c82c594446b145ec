using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ThreeRC.Persistence;
using ThreeRC.Placement.Engine;
using ThreeRC.Placement.Model;
using ThreeRC.Placement.Options;
using ThreeRC.Placement.Persistence;
using ThreeRC.Placement.Services;
using ThreeRC.Testing;
using ThreeRC.Testing.Placement;

namespace ThreeRC.Benchmarks.Placement;

/// <summary>
/// The storm of issue 5: 1,000 hosts, 10,000 VMs, 100 hosts fail and their 2,000 VMs are placed one PlaceVm at a
/// time. Measured twice: on the in-memory engine alone (the algorithm), and through the placement service, which
/// also writes each decision to placement.db before answering.
/// </summary>
public sealed class PlacementStormScenario : IScenario
{
    public string Name => "placement-storm";

    public string Description => "place the 2,000 VMs of 100 failed hosts among 1,000 (goal: <= 1 s in total)";

    public async Task RunAsync(string[] arguments, TextWriter output)
    {
        var runs = arguments is [var count, ..] ? int.Parse(count) : 5;
        var storm = new StormCluster();
        await output.WriteLineAsync($"{storm.Inventory.Hosts.Count} hosts, {storm.Inventory.Vms.Count} VMs, {storm.FailingHosts.Count} failing, {storm.DisplacedVms.Count} displaced; {runs} runs each");

        var engine = new List<Measurement>();
        var service = new List<Measurement>();
        for (var run = 0; run < runs; run++)
        {
            engine.Add(await MeasureAsync(storm, output, EngineRun));
            service.Add(await MeasureAsync(storm, output, ServiceRun));
        }

        await Report(output, "engine (in memory)", engine);
        await Report(output, "service (engine + placement.db)", service);
    }

    private static async Task<Measurement> MeasureAsync(StormCluster storm, TextWriter output, Func<StormCluster, Measurement, Task<int>> run)
    {
        var measurement = new Measurement();
        var placed = await run(storm, measurement);
        await output.WriteLineAsync(
            $"  {run.Method.Name}: {measurement.Wall.TotalMilliseconds:0} ms wall, {measurement.Cpu.TotalMilliseconds:0} ms CPU; {placed} placed, {storm.DisplacedVms.Count - placed} queued");
        return measurement;
    }
    private static Task<int> EngineRun(StormCluster storm, Measurement measurement)
    {
        var engine = new PlacementEngine(new PlacementState(storm.Inventory), new PlacementOptions(), NullLogger.Instance);
        engine.RecordLoads(storm.Loads, StormCluster.At);
        foreach (var failure in storm.Failures) engine.HostDown(failure);
        var requests = storm.Requests.ToList();

        measurement.Start();
        var placed = requests.Count(request => engine.Place(request, StormCluster.At).Placed is not null);
        measurement.Stop();
        return Task.FromResult(placed);
    }

    private static async Task<int> ServiceRun(StormCluster storm, Measurement measurement)
    {
        using var folder = new TempDirectory("placement-storm");
        var database = new PlacementDatabase(Options.Create(new StorageOptions { DataDirectory = folder.Path }));
        var placement = new PlacementService(new PlacementStore(database, NullLogger<PlacementStore>.Instance), storm.Inventory,
            Options.Create(new PlacementOptions()), TimeProvider.System, NullLogger<PlacementEngine>.Instance);
        await placement.RunAsync((engine, now) => engine.RecordLoads(storm.Loads, now));
        foreach (var failure in storm.Failures) await placement.RunAsync(engine => engine.HostDown(failure));
        var requests = storm.Requests.ToList();

        measurement.Start();
        var placed = 0;
        foreach (var request in requests)
            if ((await placement.RunAsync((engine, now) => engine.Place(request, now))).Placed is not null) placed++;
        measurement.Stop();
        return placed;
    }

    private static Task Report(TextWriter output, string what, List<Measurement> runs)
    {
        var wall = runs.Select(run => run.Wall.TotalMilliseconds).Order().ToList();
        var cpu = runs.Select(run => run.Cpu.TotalMilliseconds).Order().ToList();
        return output.WriteLineAsync(
            $"{what}, 2,000 placements: wall min {wall[0]:0} / median {wall[wall.Count / 2]:0} / max {wall[^1]:0} ms; CPU min {cpu[0]:0} / median {cpu[cpu.Count / 2]:0} / max {cpu[^1]:0} ms");
    }
}
