using System.Diagnostics;
using System.Runtime;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using ThreeRC.Contracts.Hypervisor;
using ThreeRC.Contracts.Monitoring;
using ThreeRC.Testing;

namespace ThreeRC.Benchmarks.Orchestrator;

/// <summary>
/// What the first incident after a start costs: a freshly started orchestrator gets one HostUnresponsive at a time;
/// for each, the time until its RebootGuest is out, and the methods the runtime compiled meanwhile.
///   scenario orchestrator-first-incident [inmemory|rabbitmq] [incidents=5]
/// </summary>
public sealed class FirstIncidentScenario : IScenario
{
    public string Name => "orchestrator-first-incident";

    public string Description => "a started orchestrator's first incidents, one at a time: HostUnresponsive -> RebootGuest, and the JIT work in it";

    public async Task RunAsync(string[] arguments, TextWriter output)
    {
        var transport = arguments.ElementAtOrDefault(0) ?? "inmemory";
        var incidents = int.Parse(arguments.ElementAtOrDefault(1) ?? "5");
        await using var bench = await OrchestratorBench.StartAsync(new BenchSetup(transport), GeneratedInventory.Yaml(1, incidents), typeof(RebootGuest));
        var clock = bench.Clock;

        await output.WriteLineAsync($"{Name}: transport {transport}");
        for (var number = 1; number <= incidents; number++)
        {
            var vm = GeneratedInventory.Vm(number);
            var (methods, jit, cpu) = (JitInfo.GetCompiledMethodCount(), JitInfo.GetCompilationTime(), Process.GetCurrentProcess().TotalProcessorTime);
            var start = clock.Watch.Elapsed;
            await bench.Bus.Publish(new HostUnresponsive(vm, HostKind.Virtual, vm, null, DateTimeOffset.UtcNow, "bench", "bench"));
            await clock.WaitFor<RebootGuest>(number, TimeSpan.FromMinutes(1));
            await output.WriteLineAsync($"  incident {number}: RebootGuest after {(clock.LastAt<RebootGuest>() - start).TotalMilliseconds,5:0} ms; " +
                $"{JitInfo.GetCompiledMethodCount() - methods,5} methods compiled in {(JitInfo.GetCompilationTime() - jit).TotalMilliseconds,4:0} ms; " +
                $"process CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds,4:0} ms");
        }

    }
}
