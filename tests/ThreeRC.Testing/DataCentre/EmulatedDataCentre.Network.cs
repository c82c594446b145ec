namespace ThreeRC.Testing.DataCentre;

/// <summary>The monitor's side of the network: what Ganglia hears, while the machines themselves keep running.</summary>
public sealed partial class EmulatedDataCentre
{
    /// <summary>
    /// The monitor's network path to <paramref name="hosts"/> fails (a switch, say): their heartbeats and those of their
    /// VMs no longer reach gmond, though every one of them keeps running.
    /// </summary>
    public async Task CutMonitorNetworkAsync(params string[] hosts)
    {
        Note($"the monitor's network to {string.Join(", ", hosts)} is cut");
        foreach (var host in Hosts.Where(host => hosts.Contains(host.Name))) await host.Heartbeat.StopAsync();
        foreach (var vm in Vms.Where(vm => RunningOn(vm.Name) is { } host && hosts.Contains(host))) await vm.Heartbeat.StopAsync();
    }

    /// <summary>The monitor's network is whole again: every host and VM that runs and is not faulty is heard again.</summary>
    public async Task RestoreMonitorNetworkAsync()
    {
        Note("the monitor's network is back");
        foreach (var host in Hosts.Where(host => host.PoweredOn && !host.HasFailed)) await host.Heartbeat.StartAsync();
        foreach (var vm in Vms.Where(vm => vm.Fault == VmFault.None && RunningOn(vm.Name) is not null)) await vm.Heartbeat.StartAsync();
    }
}
