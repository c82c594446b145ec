using ThreeRC.Lab.Reporting;

namespace ThreeRC.Lab.Simulation;

/// <summary>
/// Injects crashes of the paper's kinds at random (exponential) intervals, repeatable with the lab's seed: only
/// into machines that are up and not part of an open incident. A lost host gets its power back after a while.
/// </summary>
public sealed class CrashInjector(DataCentre dataCentre, LabJournal journal, LabSettings settings, TimeProvider time, ILogger<CrashInjector> logger) : BackgroundService
{
    private readonly Random _random = new(settings.Seed);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(-Math.Log(1 - _random.NextDouble()) * settings.CrashEvery, time, stoppingToken);
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
            var hosts = dataCentre.Observe((hosts, vms, _) => hosts
                .Where(h => h.PoweredOn && vms.Where(vm => vm.RunningOn == h.Name).All(vm => !busy.Contains(vm.Name) && vm.Guest == GuestCondition.Running))
                .Select(h => (h.Name, Vms: vms.Where(vm => vm.RunningOn == h.Name).Select(vm => vm.Name).ToList()))
                .ToList());
            if (hosts.Count == 0) return null;
            var (host, affected) = hosts[_random.Next(hosts.Count)];
            if (affected.Count == 0 || !dataCentre.Crash(host, kind)) return null;
            journal.Crashed(host, kind, affected, now);
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
