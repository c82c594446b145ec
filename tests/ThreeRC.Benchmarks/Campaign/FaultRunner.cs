using System.Collections.Concurrent;
using Google.Protobuf.WellKnownTypes;
using ThreeRC.Contracts.Monitoring;
using ThreeRC.Api.V1;
using ThreeRC.Lab.Simulation;
using ThreeRC.Testing;
using ThreeRC.Testing.DataCentre;
using ThreeRC.Testing.Stack;

namespace ThreeRC.Benchmarks.Campaign;

/// <summary>
/// Injects a campaign's faults, at most a few at once and never two on one VM, and follows each through the Api. A
/// host power loss runs alone, since every VM on the host is its target: it waits for the faults before it, and the
/// faults after it wait until its VMs run elsewhere and the host, powered on again through its BMC, has been
/// declared responsive.
/// </summary>
internal sealed class FaultRunner(EmulatedDataCentre dataCentre, Recoveries.RecoveriesClient recoveries, MessageLog monitorEvents, TextWriter output)
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
            if (fault.Kind == CrashKind.HostPowerLoss)
            {
                await Task.WhenAll(running);
                await InjectAsync(fault);
                continue;
            }

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

        foreach (var outcome in await Task.WhenAll(vms.Select(vm => FollowAsync(vm, fault, injectedAt))))
        {
            _outcomes.Add(outcome);
            await output.WriteLineAsync($"#{fault.Number,-3} {fault.Kind,-14} {outcome.Vm}: " + (outcome.Failure ?? $"recovered in {outcome.Record.TimeToRecover?.TotalSeconds:0.0} s " +
                $"(declared unresponsive after {outcome.Detection?.TotalSeconds:0.0} s, first command {outcome.Overhead?.TotalMilliseconds:0} ms later)"));
        }

        if (fault.Kind == CrashKind.HostPowerLoss) await PowerOnAsync(fault, vms.Count, injectedAt);
    }

    private async Task PowerOnAsync(CampaignFault fault, int vms, DateTimeOffset injectedAt)
    {
        // A host that ran no VM is power-cycled at once otherwise, before the monitor has noticed it was gone.
        await monitorEvents.WaitForAsync<HostUnresponsive>(message => message.Name == fault.Target && message.DetectedAt >= injectedAt,
            TimeSpan.FromMinutes(1), $"{fault.Target} declared unresponsive after its power loss");
        var poweredOn = DateTimeOffset.UtcNow;
        await dataCentre.PowerOnHostAsync(fault.Target);
        var (responsive, _) = await monitorEvents.WaitForAsync<HostResponsive>(message => message.Name == fault.Target && message.DetectedAt >= poweredOn,
            TimeSpan.FromMinutes(1), $"{fault.Target} declared responsive after power on");
        await output.WriteLineAsync($"#{fault.Number,-3} {fault.Kind,-14} {fault.Target} ({vms} VM{(vms == 1 ? "" : "s")} on it): powered on through its BMC, " +
            $"declared responsive {(responsive.DetectedAt - poweredOn).TotalSeconds:0.0} s later");
    }

    private async Task<FaultOutcome> FollowAsync(string vm, CampaignFault fault, DateTimeOffset injectedAt)
    {
        var kind = fault.Kind;
        ThreeRC.Api.V1.Recovery ended;
        try
        {
            ended = await recoveries.EndedAsync(vm, injectedAt, RecoveryTimeout);
        }
        catch (TimeoutException)
        {
            var open = await recoveries.IncidentsAsync(vm, injectedAt);
            return new FaultOutcome(vm, kind, injectedAt, null, null, null, null, $"no incident ended within {RecoveryTimeout.TotalMinutes} min", open?.Count ?? 0);
        }

        var opened = ended.StartedAt.ToDateTimeOffset();
        // Incidents of this VM opened from the fault until its incident ended: one, unless the fault opened it twice.
        var incidents = (await recoveries.IncidentsAsync(vm, injectedAt))?.Count(incident => incident.StartedAt.ToDateTimeOffset() <= ended.CompletedAt.ToDateTimeOffset()) ?? 1;
        var declared = Declared(kind == CrashKind.HostPowerLoss ? fault.Target : vm, injectedAt) ?? opened;
        var recovered = dataCentre.BootedAt.TryGetValue(vm, out var booted) && booted > injectedAt ? booted : (DateTimeOffset?)null;
        var failure = ended.State == RecoveryState.Recovered ? null : $"incident {ended.State}: {ended.Reason}";
        var reinstalled = ended.Steps.Any(step => step.Step == ThreeRC.Api.V1.RecoveryStepKind.Reinstall);
        return new FaultOutcome(vm, kind, injectedAt, declared, opened, FirstCommandAfter(vm, declared), failure is null ? recovered : null, failure, incidents, reinstalled);
    }

    /// <summary>
    /// When the monitor declared <paramref name="name"/> unresponsive after the fault: the DetectedAt of its
    /// HostUnresponsive (for a lost host's VMs, the host's own).
    /// </summary>
    private DateTimeOffset? Declared(string name, DateTimeOffset injectedAt) => monitorEvents.Of<HostUnresponsive>()
        .Where(message => message.Name == name && message.DetectedAt >= injectedAt)
        .Select(message => (DateTimeOffset?)message.DetectedAt).Min();

    /// <summary>The first command about <paramref name="vm"/> that started on its guest or on any host after its incident opened.</summary>
    private DateTimeOffset? FirstCommandAfter(string vm, DateTimeOffset opened)
    {
        var onGuest = dataCentre.Vm(vm).Guest.TimedCalls();
        var onHosts = dataCentre.Hosts.SelectMany(host => host.Hypervisor.TimedCalls()).Where(call => call.Call.EndsWith(" " + vm, StringComparison.Ordinal));
        return onGuest.Concat(onHosts).Where(call => call.At >= opened).Select(call => (DateTimeOffset?)call.At).Min();
    }
}
