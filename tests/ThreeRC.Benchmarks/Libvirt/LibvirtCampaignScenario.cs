using Grpc.Net.Client;
using ThreeRC.Api.V1;
using ThreeRC.Testing;
using ThreeRC.Testing.Libvirt;
using ThreeRC.Testing.Stack;

namespace ThreeRC.Benchmarks.Libvirt;

/// <summary>
/// The paper's crash campaign on the real hypervisor lab: the six services on RabbitMQ protect four QEMU guests on
/// two libvirt hosts; one fault at a time, of a kind and on a guest drawn from a seeded random sequence, each timed
/// from injection to the guest's first heartbeat after its recovery. Flap control is narrowed to a 1 s window, so
/// each fault is a fresh incident, as the paper's independent crashes were.
/// </summary>
public sealed class LibvirtCampaignScenario : IScenario
{
    public string Name => "libvirt-crash-campaign";

    public string Description => "Real libvirt + QEMU guests: N seeded faults (destroy, kill -9, hang, panic) timed to the first heartbeat [faults=32 seed=10]";

    public async Task RunAsync(string[] arguments, TextWriter output)
    {
        var count = arguments.Length > 0 ? int.Parse(arguments[0]) : 32;
        var seed = arguments.Length > 1 ? int.Parse(arguments[1]) : 10;
        await using var broker = new RabbitMqBroker();
        await broker.InitializeAsync();
        await using var lab = await LibvirtLab.StartAsync(new Dictionary<string, string[]> { ["lab11"] = ["vm11", "vm12"], ["lab12"] = ["vm13", "vm14"] }, LibvirtLab.Timers);
        var environment = new Dictionary<string, string?>(broker.BusEnvironment).Concat(lab.ServiceEnvironment).ToDictionary();
        environment["Orchestrator__FlapWindow"] = "00:00:01";
        await using var services = await ServiceStack.StartAsync(environment);
        using var channel = GrpcChannel.ForAddress(services.ApiAddress);
        var recoveries = new Recoveries.RecoveriesClient(channel);

        await output.WriteLineAsync($"libvirt crash campaign: {count} faults, seed {seed}, heartbeats every {LibvirtLab.HeartbeatInterval.TotalSeconds:0} s, detection limit {LibvirtLab.Timers.DetectAfter.TotalSeconds:0} s");
        var random = new Random(seed);
        var measured = new List<FaultMeasurement>();
        for (var number = 1; number <= count; number++)
        {
            var vm = lab.Guests[random.Next(lab.Guests.Count)].Name;
            var fault = (LabFault)random.Next(Enum.GetValues<LabFault>().Length);
            var measurement = await MeasureAsync(lab, recoveries, number, vm, fault);
            measured.Add(measurement);
            await output.WriteLineAsync(measurement.ToString());
        }

        lab.AssertSafe();
        await output.WriteLineAsync($"safety: the watcher looked {lab.Watcher.Rounds} times (every {DomainWatcher.Interval.TotalMilliseconds:0} ms) and never saw a VM on two hosts");
        await CampaignReport.WriteAsync(measured, output);
    }

    private static async Task<FaultMeasurement> MeasureAsync(LibvirtLab lab, Recoveries.RecoveriesClient recoveries, int number, string vm, LabFault fault)
    {
        var starts = lab.Watcher.Starts.Count(start => start.Vm == vm);
        var injected = DateTimeOffset.UtcNow;
        await lab.InjectAsync(vm, fault);

        var started = await Eventually.Until(() => Task.FromResult(lab.Watcher.Starts.Where(start => start.Vm == vm).Skip(starts).FirstOrDefault()),
            start => start is not null, TimeSpan.FromMinutes(3), $"{vm} started again after fault #{number} ({fault})");
        var heartbeat = await lab.FirstHeartbeatAfterAsync(vm, started!.SeenAt, TimeSpan.FromMinutes(2));
        var incident = await recoveries.EndedAsync(vm, injected, TimeSpan.FromMinutes(3));
        if (incident.State != RecoveryState.Recovered) throw new InvalidOperationException($"fault #{number} ({fault} of {vm}): the incident ended {incident.State}: {incident}");
        var opened = incident.StartedAt.ToDateTimeOffset();
        var events = incident.Events
            .Select(step => $"{step.Kind} +{(step.OccurredAt.ToDateTimeOffset() - opened).TotalSeconds:0.0}");
        return new FaultMeasurement(number, vm, fault, opened - injected, started.SeenAt - opened, heartbeat - injected, string.Join(", ", events));
    }
}
