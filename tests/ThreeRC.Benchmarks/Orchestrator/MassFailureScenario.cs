using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using ThreeRC.Contracts.Monitoring;
using ThreeRC.Contracts.Placement;
using ThreeRC.Testing;

namespace ThreeRC.Benchmarks.Orchestrator;

/// <summary>
/// 100 physical hosts with 20 VMs each fail at once: how long until every VM's first recovery command (its PlaceVm:
/// a lost host's VMs skip the reboot) has been sent. Goal: at most 10 s on 2 cores.
///   scenario orchestrator-mass-failure [inmemory|rabbitmq] [hosts] [vms-per-host] [sqlite|postgresql] [orchestrators]
/// </summary>
public sealed class MassFailureScenario : IScenario
{
    public string Name => "orchestrator-mass-failure";

    public string Description => "100 hosts x 20 VMs fail at once: time to every first recovery command (goal <= 10 s) [transport hosts vms-per-host storage orchestrators]";

    public async Task RunAsync(string[] arguments, TextWriter output)
    {
        var setup = BenchSetup.From(arguments, transportAt: 0, storageAt: 3);
        var hosts = int.Parse(arguments.ElementAtOrDefault(1) ?? "100");
        var perHost = int.Parse(arguments.ElementAtOrDefault(2) ?? "20");
        await using var bench = await OrchestratorBench.StartAsync(setup, GeneratedInventory.Yaml(hosts, perHost), typeof(PlaceVm));
        var clock = bench.Clock;

        var start = clock.Watch.Elapsed;
        await bench.Bus.PublishBatch(Enumerable.Range(1, hosts).Select(h => GeneratedInventory.Host(h))
            .Select(name => new HostUnresponsive(name, HostKind.Physical, name, null, DateTimeOffset.UtcNow, "bench", "power loss")));
        await clock.WaitFor<PlaceVm>(hosts * perHost, TimeSpan.FromMinutes(5));

        var elapsed = clock.LastAt<PlaceVm>() - start;
        await output.WriteLineAsync($"{Name}: {setup}, {hosts} hosts x {perHost} VMs: all {hosts * perHost} first recovery commands sent {elapsed.TotalSeconds:0.00} s after the failures were published; {OrchestratorRuntime.Describe()}");
    }
}
