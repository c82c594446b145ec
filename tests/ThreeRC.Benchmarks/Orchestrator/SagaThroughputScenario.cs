using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using ThreeRC.Contracts.Monitoring;
using ThreeRC.Testing;

namespace ThreeRC.Benchmarks.Orchestrator;

/// <summary>
/// Saga transitions per second through the saga repository (SQLite, or PostgreSQL with one or more orchestrators): every VM goes down (a new incident: guards read,
/// storm-control slot granted, guest reboot sent, deadline set) and comes back (recovered), round after round. The
/// benchmark sees each transition in the saga table itself, so the process measured is the orchestrator's work
/// alone (its events are still published; in production the Api consumes them in its own process). The first round
/// is reported apart: it pays for compiling the code paths; the runtime keeps recompiling the hot ones, faster, for
/// several rounds more, so the steady state is the median round of the second half. Goal: at least 1,000
/// transitions per second on 2 cores.
///   scenario orchestrator-saga-throughput [inmemory|rabbitmq] [vms] [rounds] [sqlite|postgresql] [orchestrators]
/// </summary>
public sealed class SagaThroughputScenario : IScenario
{
    private static readonly TimeSpan RoundTimeout = TimeSpan.FromMinutes(5);

    public string Name => "orchestrator-saga-throughput";

    public string Description => "saga transitions/s on SQLite or PostgreSQL, the in-memory bus or RabbitMQ, 1..n orchestrators (goal >= 1,000/s) [transport vms rounds storage orchestrators]";

    public async Task RunAsync(string[] arguments, TextWriter output)
    {
        var setup = BenchSetup.From(arguments, transportAt: 0, storageAt: 3);
        var vms = int.Parse(arguments.ElementAtOrDefault(1) ?? "500");
        var rounds = int.Parse(arguments.ElementAtOrDefault(2) ?? "20");
        if (rounds < 2) throw new ArgumentException("at least 2 rounds: the first one is the warm-up");
        await using var bench = await OrchestratorBench.StartAsync(setup, GeneratedInventory.Yaml(vms / 10, 10));
        var sagas = new SagaStateCounter(bench.Storage);
        var names = Enumerable.Range(1, vms).Select(GeneratedInventory.Vm).ToList();

        var times = new List<TimeSpan>();
        for (var round = 1; round <= rounds; round++)
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            await bench.Bus.PublishBatch(names.Select(vm => new HostUnresponsive(vm, HostKind.Virtual, vm, null, DateTimeOffset.UtcNow, "bench", "bench")));
            await sagas.WaitForAsync("Rebooting", vms, RoundTimeout);
            await bench.Bus.PublishBatch(names.Select(vm => new HostResponsive(vm, HostKind.Virtual, vm, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, "bench")));
            await sagas.WaitForAsync("Healthy", vms, RoundTimeout);
            times.Add(started.Elapsed);
        }

        var perRound = 2 * vms;
        var warm = times.Skip(1).Aggregate(TimeSpan.Zero, (sum, time) => sum + time);
        var secondHalf = times.Skip(rounds / 2).Order().ToList();
        await output.WriteLineAsync($"{Name}: {setup}, {vms} VMs, {perRound} transitions a round; {OrchestratorRuntime.Describe()}");
        await output.WriteLineAsync($"  first round (code paths compiled as they run): {times[0].TotalSeconds:0.00} s = {perRound / times[0].TotalSeconds:0} transitions/s");
        await output.WriteLineAsync($"  rounds 2-{rounds}: {perRound * (rounds - 1)} transitions in {warm.TotalSeconds:0.00} s = {perRound * (rounds - 1) / warm.TotalSeconds:0} transitions/s " +
            $"(slowest round {perRound / times.Skip(1).Max().TotalSeconds:0}/s, fastest {perRound / times.Skip(1).Min().TotalSeconds:0}/s)");
        await output.WriteLineAsync($"  steady state, the median of rounds {rounds / 2 + 1}-{rounds}: {perRound / secondHalf[secondHalf.Count / 2].TotalSeconds:0} transitions/s");
        await output.WriteLineAsync($"  each round, s: {string.Join(" ", times.Select(time => time.TotalSeconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)))}");
    }
}
