using Microsoft.Extensions.Options;
using ThreeRC.Lab.Reporting;
using ThreeRC.Orchestrator.Options;

namespace ThreeRC.Lab.Simulation;

/// <summary>
/// Injects crashes of the paper's kinds at random (exponential) intervals, repeatable with the lab's seed: only
/// into machines that are up and not part of an open incident, and never so many hosts together that the mass-failure
/// brake engages. A lost host gets its power back after a while.
/// </summary>
public sealed class CrashInjector(
    DataCentre dataCentre, LabJournal journal, LabSettings settings, IOptions<OrchestratorOptions> orchestrator, TimeProvider time, ILogger<CrashInjector> logger)
    : BackgroundService
{
    private readonly Random _random = new(settings.Seed);
    private readonly List<(string Host, DateTimeOffset At)> _powerLosses = [];

    /// <summary>Injects crashes for <see cref="LabSettings.Duration"/> from the start; a lost host's power still returns after it.</summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var end = time.GetUtcNow() + settings.Duration;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var wait = -Math.Log(1 - _random.NextDouble()) * settings.CrashEvery;
                if (time.GetUtcNow() + wait >= end) return;
                await Task.Delay(wait, time, stoppingToken);
                var kind = settings.Kinds[_random.Next(settings.Kinds.Count)];
                if (Inject(kind) is { } host) _ = PowerReturnsLater(host, stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Crashes a random eligible target; returns the host when it was a power loss.</summary>
    private string? Inject(CrashKind kind)
    {
        var busy = journal.Affected();
        var now = time.GetUtcNow();
        if (kind == CrashKind.HostPowerLoss)
        {
            if (WouldEngageTheBrake(now)) return null;
            var hosts = dataCentre.Observe((hosts, vms, _) => hosts
                .Where(h => h.PoweredOn && vms.Where(vm => vm.RunningOn == h.Name).All(vm => !busy.Contains(vm.Name) && vm.Guest == GuestCondition.Running))
                .Select(h => (h.Name, Vms: vms.Where(vm => vm.RunningOn == h.Name).Select(vm => vm.Name).ToList()))
                .ToList());
            if (hosts.Count == 0) return null;
            var (host, affected) = hosts[_random.Next(hosts.Count)];
            if (affected.Count == 0 || !dataCentre.Crash(host, kind)) return null;
            journal.Crashed(host, kind, affected, now);
            _powerLosses.Add((host, now));
            logger.LogWarning("Injected {Kind} into {Host}, taking down {Vms}", kind, host, string.Join(", ", affected));
            return host;
        }

        var candidates = dataCentre.Observe((_, vms, _) => vms.Where(vm => vm.Guest == GuestCondition.Running && !busy.Contains(vm.Name)).Select(vm => vm.Name).ToList());
        if (candidates.Count == 0) return null;
        var target = candidates[_random.Next(candidates.Count)];
        if (!dataCentre.Crash(target, kind)) return null;
        journal.Crashed(target, kind, [target], now);
        logger.LogWarning("Injected {Kind} into {Vm}", kind, target);
        return null;
    }

    /// <summary>
    /// Whether one more host lost now would make more than the brake's share of hosts silent together (those still
    /// without power, and those lost within its window): that is a mass failure, which ThreeRC leaves to an operator on
    /// purpose (Orchestrator:MassFailure). The lab's crashes are independent ones, so it leaves the power on this time.
    /// </summary>
    private bool WouldEngageTheBrake(DateTimeOffset now)
    {
        var brake = orchestrator.Value.MassFailure;
        var silent = dataCentre.Observe((hosts, _, _) => hosts.Where(host => !host.PoweredOn).Select(host => host.Name).ToList())
            .Union(_powerLosses.Where(lost => now - lost.At < brake.Window).Select(lost => lost.Host));
        return silent.Count() + 1 > brake.Share * settings.Hosts;
    }

    private async Task PowerReturnsLater(string host, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(settings.PowerReturnsAfter, time, stoppingToken);
            dataCentre.PowerOn(host);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
