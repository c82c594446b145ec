using System.Collections.Concurrent;
using Google.Protobuf.WellKnownTypes;
using ThreeRC.Api.V1;
using ThreeRC.Node.Lab.Simulation;
using ThreeRC.Testing;
using ThreeRC.Testing.DataCentre;
using ThreeRC.Testing.Stack;

namespace ThreeRC.Benchmarks.Campaign;

/// <summary>Injects a campaign's faults, at most a few at once and never two on one VM, and follows each through the Api.</summary>
internal sealed class FaultRunner(EmulatedDataCentre dataCentre, Recoveries.RecoveriesClient recoveries, TextWriter output)
{
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromMinutes(4);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _vmTurns = new();
    private readonly ConcurrentBag<FaultOutcome> _outcomes = [];

    public async Task<IReadOnlyList<FaultOutcome>> RunAsync(IReadOnlyList<CampaignFault> plan, int concurrency)
    {
        using var slots = new SemaphoreSlim(concurrency);
        var running = new List<Task>();
        foreach (var fault in plan)
        {
            if (fault.Kind == CrashKind.HostPowerLoss) await Task.WhenAll(running);
            await slots.WaitAsync();
            var turn = _vmTurns.GetOrAdd(fault.Target, _ => new SemaphoreSlim(1));
            await turn.WaitAsync();
            running.Add(Task.Run(async () =>
            {
                try
                {
                    await InjectAsync(fault);
                }
                finally
                {
                    turn.Release();
                    slots.Release();
                }
            }));
        }

        await Task.WhenAll(running);
        return [.. _outcomes.OrderBy(outcome => outcome.InjectedAt)];
    }

    private async Task InjectAsync(CampaignFault fault)
    {
        var injectedAt = DateTimeOffset.UtcNow;
        var vms = fault.Kind == CrashKind.HostPowerLoss
            ? dataCentre.Vms.Where(vm => dataCentre.RunningOn(vm.Name) == fault.Target).Select(vm => vm.Name).ToList()
            : [fault.Target];
        await (fault.Kind switch
        {
            CrashKind.GuestCrash => dataCentre.CrashGuestAsync(fault.Target),
            CrashKind.GuestHang => dataCentre.HangGuestAsync(fault.Target),
            CrashKind.Destructive => dataCentre.DestroyGuestAsync(fault.Target),
            _ => dataCentre.FailHostAsync(fault.Target),
        });

        foreach (var outcome in await Task.WhenAll(vms.Select(vm => FollowAsync(vm, fault.Kind, injectedAt))))
        {
            _outcomes.Add(outcome);
            await output.WriteLineAsync($"#{fault.Number,-3} {fault.Kind,-14} {outcome.Vm}: " + (outcome.Failure ?? $"recovered in {outcome.Record.TimeToRecover?.TotalSeconds:0.0} s " +
                $"(incident opened after {outcome.Detection?.TotalSeconds:0.0} s, first command {outcome.Overhead?.TotalMilliseconds:0} ms later)"));
        }
    }

    private async Task<FaultOutcome> FollowAsync(string vm, CrashKind kind, DateTimeOffset injectedAt)
    {
        ThreeRC.Api.V1.Recovery ended;
        try
        {
            ended = await recoveries.EndedAsync(vm, injectedAt, RecoveryTimeout);
        }
        catch (TimeoutException)
        {
            return new FaultOutcome(vm, kind, injectedAt, null, null, null, $"no incident ended within {RecoveryTimeout.TotalMinutes} min");
        }

        var opened = ended.StartedAt.ToDateTimeOffset();
        var recovered = dataCentre.BootedAt.TryGetValue(vm, out var booted) && booted > injectedAt ? booted : (DateTimeOffset?)null;
        var failure = ended.State == RecoveryState.Recovered ? null : $"incident {ended.State}: {ended.Reason}";
        return new FaultOutcome(vm, kind, injectedAt, opened, FirstCommandAfter(vm, opened), failure is null ? recovered : null, failure);
    }

    /// <summary>The first command about <paramref name="vm"/> that started on its guest or on any host after its incident opened.</summary>
    private DateTimeOffset? FirstCommandAfter(string vm, DateTimeOffset opened)
    {
        var onGuest = dataCentre.Vm(vm).Guest.TimedCalls();
        var onHosts = dataCentre.Hosts.SelectMany(host => host.Hypervisor.TimedCalls()).Where(call => call.Call.EndsWith(" " + vm, StringComparison.Ordinal));
        return onGuest.Concat(onHosts).Where(call => call.At >= opened).Select(call => (DateTimeOffset?)call.At).Min();
    }
}
