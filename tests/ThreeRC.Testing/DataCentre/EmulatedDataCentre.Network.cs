namespace ThreeRC.Testing.DataCentre;

/// <summary>The monitor's side of the network: what Ganglia hears, while the machines themselves keep running.</summary>
public sealed partial class EmulatedDataCentre
{
    /// <summary>The monitor loses its network: no heartbeat reaches gmond any more, though every host and VM keeps running.</summary>
    public async Task CutMonitorNetworkAsync()
    {
        Note("the monitor's network is cut");
        foreach (var host in Hosts) await host.Heartbeat.StopAsync();
        foreach (var vm in Vms) await vm.Heartbeat.StopAsync();
    }

    /// <summary>The monitor's network is back: every host and VM that runs and is not faulty is heard again.</summary>
    public async Task RestoreMonitorNetworkAsync()
    {
        Note("the monitor's network is back");
        foreach (var host in Hosts.Where(host => host.PoweredOn && !host.HasFailed)) await host.Heartbeat.StartAsync();
        foreach (var vm in Vms.Where(vm => vm.Fault == VmFault.None && RunningOn(vm.Name) is not null)) await vm.Heartbeat.StartAsync();
    }
}
