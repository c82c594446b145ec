using ThreeRC.Api.V1;
using ThreeRC.Testing;
using ThreeRC.Testing.Libvirt;
using ThreeRC.Testing.Stack;

namespace ThreeRC.Benchmarks.Libvirt;

/// <summary>
/// Injects one fault at a time into the lab and times every guest it takes down, through the watcher, Ganglia and the
/// Api. After a power loss, once the host's guests run elsewhere, the host's BMC powers it on again and the next fault
/// waits until the monitor declares it responsive, so that a later power loss can send the guests back to it.
/// </summary>
internal sealed class LabFaultRunner(LibvirtLab lab, Recoveries.RecoveriesClient recoveries, Cluster.ClusterClient cluster, TextWriter output)
{
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromMinutes(3);

    public async Task<IReadOnlyList<FaultMeasurement>> InjectAsync(int number, string vm, LabFault fault)
    {
        await lab.Watcher.NextRoundAsync();
        var host = lab.HostOf(vm);
        var affected = fault == LabFault.PowerLoss ? lab.GuestsOn(host) : [vm];
        var startsBefore = affected.ToDictionary(guest => guest, guest => StartsOf(guest).Count);
        var injected = DateTimeOffset.UtcNow;
        await lab.InjectAsync(vm, fault);

        var measured = await Task.WhenAll(affected.Select(guest => MeasureAsync(number, guest, fault, injected, startsBefore[guest])));
        foreach (var measurement in measured) await output.WriteLineAsync(measurement.ToString());
        if (fault == LabFault.PowerLoss) await PowerOnAsync(host);
        return measured;
    }

    private async Task<FaultMeasurement> MeasureAsync(int number, string vm, LabFault fault, DateTimeOffset injected, int startsBefore)
    {
        GuestStart? started;
        try
        {
            started = await Eventually.Until(() => Task.FromResult(StartsOf(vm).Skip(startsBefore).FirstOrDefault()),
                start => start is not null, RecoveryTimeout, $"{vm} started again after fault #{number} ({fault})");
        }
        catch (TimeoutException late)
        {
            throw new TimeoutException($"{late.Message}\n{await IncidentsAsync(vm, injected)}", late);
        }

        var heartbeat = await lab.FirstHeartbeatAfterAsync(vm, started!.SeenAt, TimeSpan.FromMinutes(2));
        var incident = await recoveries.EndedAsync(vm, injected, RecoveryTimeout);
        if (incident.State != RecoveryState.Recovered) throw new InvalidOperationException($"fault #{number} ({fault} of {vm}): the incident ended {incident.State}: {incident}");
        var opened = incident.StartedAt.ToDateTimeOffset();
        var events = incident.Events.Select(step => $"{step.Kind} +{(step.OccurredAt.ToDateTimeOffset() - opened).TotalSeconds:0.0}"
            + (step.Kind is "FenceFailed" or "VmRestartFailed" ? $" ({step.Summary})" : ""));
        return new FaultMeasurement(number, vm, fault, started.Host, opened - injected, started.SeenAt - opened, heartbeat - injected, string.Join(", ", events));
    }

    private async Task PowerOnAsync(LabHost host)
    {
        var poweredOn = DateTimeOffset.UtcNow;
        await host.PowerOnAsync();
        var responsive = await cluster.ResponsiveAsync(host.Name, poweredOn, TimeSpan.FromMinutes(2));
        lab.AssertSafe();
        await output.WriteLineAsync($"    {host.Name} powered on through its BMC; the monitor declared it responsive {(responsive - poweredOn).TotalSeconds:0.0} s later");
    }

    /// <summary>The VM's incidents since <paramref name="since"/>, each with its state and every event of its timeline.</summary>
    private async Task<string> IncidentsAsync(string vm, DateTimeOffset since)
    {
        var lines = new List<string>();
        foreach (var listed in await recoveries.IncidentsAsync(vm, since) ?? [])
        {
            var incident = await recoveries.GetRecoveryAsync(new GetRecoveryRequest { Id = listed.Id });
            lines.Add($"incident {incident.Id} of {vm}: {incident.State}, step {incident.CurrentStep}, {incident.Reason}");
            lines.AddRange(incident.Events.Select(step => $"  {step.OccurredAt.ToDateTimeOffset():HH:mm:ss.fff} {step.Kind} {step.HostName}: {step.Summary}"));
        }

        return lines.Count == 0 ? $"no incident of {vm} since {since:HH:mm:ss}" : string.Join('\n', lines);
    }

    private List<GuestStart> StartsOf(string vm) => [.. lab.Watcher.Starts.Where(start => start.Vm == vm)];
}
