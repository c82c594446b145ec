using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using ThreeRC.Contracts.Monitoring;
using ThreeRC.Contracts.Recovery;
using ThreeRC.Testing;

namespace ThreeRC.Benchmarks.Orchestrator;

/// <summary>
/// Saga transitions per second through the SQLite repository: every VM goes down (a new incident: a guest reboot, then a restart as it keeps crashing)
/// and comes back (recovered), round after round. Goal: at least 1,000 transitions per second on 2 cores.
///   scenario orchestrator-saga-throughput [inmemory|rabbitmq] [vms] [rounds]
/// </summary>
public sealed class SagaThroughputScenario : IScenario
{
    public string Name => "orchestrator-saga-throughput";

    public string Description => "saga transitions/s through SQLite on the in-memory bus or RabbitMQ (goal >= 1,000/s)";

    public async Task RunAsync(string[] arguments, TextWriter output)
    {
        var transport = arguments.ElementAtOrDefault(0) ?? "inmemory";
        var vms = int.Parse(arguments.ElementAtOrDefault(1) ?? "500");
        var rounds = int.Parse(arguments.ElementAtOrDefault(2) ?? "4");
        using var data = new TempDirectory("bench-saga");
        await using var broker = transport == "rabbitmq" ? new RabbitMqBroker() : null;
        if (broker is not null) await broker.InitializeAsync();
        var clock = new MessageClock();
        using var host = await OrchestratorBenchHost.StartAsync(data.Path, GeneratedInventory.Yaml(vms / 10, 10),
            broker?.BusConfiguration ?? new Dictionary<string, string?>(), clock, typeof(RecoveryStarted), typeof(RecoveryCompleted));
        var bus = host.Services.GetRequiredService<IBus>();
        var names = Enumerable.Range(1, vms).Select(GeneratedInventory.Vm).ToList();

        var start = clock.Watch.Elapsed;
        for (var round = 1; round <= rounds; round++)
        {
            await bus.PublishBatch(names.Select(vm => new HostUnresponsive(vm, HostKind.Virtual, vm, null, DateTimeOffset.UtcNow, "bench", "bench")));
            await clock.WaitFor<RecoveryStarted>(vms * round, TimeSpan.FromMinutes(5));
            await bus.PublishBatch(names.Select(vm => new HostResponsive(vm, HostKind.Virtual, vm, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, "bench")));
            await clock.WaitFor<RecoveryCompleted>(vms * round, TimeSpan.FromMinutes(5));
        }

        var elapsed = clock.Watch.Elapsed - start;
        var transitions = 2 * vms * rounds;
        await output.WriteLineAsync($"{Name}: transport {transport}, {vms} VMs x {rounds} rounds = {transitions} transitions in {elapsed.TotalSeconds:0.00} s = {transitions / elapsed.TotalSeconds:0} transitions/s");
        await host.StopAsync();
    }
}
