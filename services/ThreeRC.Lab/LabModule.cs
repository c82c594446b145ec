using ThreeRC.Lab.Ganglia;
using ThreeRC.Lab.Progress;
using ThreeRC.Lab.Reporting;
using ThreeRC.Lab.Simulation;
using ThreeRC.ServiceDefaults;

namespace ThreeRC.Lab;

internal static class LabModule
{
    /// <summary>The simulated data centre, its Ganglia source, its crash injector and what the console shows.</summary>
    public static ServiceModules AddLab(this ServiceModules modules, LabSettings settings, string tftpRoot)
    {
        var services = modules.Services;
        services.AddSingleton(settings);
        services.AddSingleton<IPxeBootSource>(new PxelinuxBootSource(tftpRoot));
        services.AddSingleton(provider => CreateDataCentre(settings, provider));
        services.AddSingleton<LabJournal>();
        services.AddSingleton<RecoveryBoard>();
        services.AddHttpClient();
        services.AddHostedService<SimulatedGangliaSource>();
        services.AddHostedService<DataCentreClock>();
        services.AddHostedService<CrashInjector>();
        return modules.AddToBus(bus => bus.AddConsumer<RecoveryProgressConsumer>());
    }

    private static DataCentre CreateDataCentre(LabSettings settings, IServiceProvider provider)
    {
        var heartbeat = settings.Timings.Heartbeat;
        var hosts = Enumerable.Range(1, settings.Hosts)
            .Select(h => new SimulatedHost(LabInventory.HostName(h), LabInventory.HostIp(h), 16, 65536, heartbeat));
        var vms = Enumerable.Range(1, settings.Hosts).SelectMany(h => Enumerable.Range(1, settings.VmsPerHost)
            .Select(v => new SimulatedVm(LabInventory.VmName(h, v), LabInventory.VmIp(h, v), LabInventory.Mac(h, v), 4096, heartbeat)));
        var dataCentre = new DataCentre(hosts, vms, settings.Timings, provider.GetRequiredService<IPxeBootSource>(), provider.GetRequiredService<TimeProvider>());
        dataCentre.Start(Enumerable.Range(1, settings.Hosts).SelectMany(h => Enumerable.Range(1, settings.VmsPerHost)
            .Select(v => (Vm: LabInventory.VmName(h, v), Host: LabInventory.HostName(h)))).ToDictionary(x => x.Vm, x => x.Host));
        return dataCentre;
    }
}
