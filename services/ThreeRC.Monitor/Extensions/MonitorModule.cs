using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ThreeRC.Monitor.Consumers;
using ThreeRC.Monitor.Detection;
using ThreeRC.Monitor.Ganglia;
using ThreeRC.Monitor.Health;
using ThreeRC.Monitor.Options;
using ThreeRC.Monitor.Polling;
using ThreeRC.Monitor.Preflight;
using ThreeRC.Monitor.Push;
using ThreeRC.Monitor.Rehearsal;
using ThreeRC.Monitor.Sources;
using ThreeRC.ServiceDefaults;
using ThreeRC.ServiceDefaults.Messaging;
using ThreeRC.ServiceDefaults.Preflight;

namespace ThreeRC.Monitor.Extensions;

public static class MonitorModule
{
    /// <summary>The queue of the incident starts; each monitor instance has its own (a fan-out), named after <c>Bus:InstanceName</c>.</summary>
    public const string RecoveryStartedQueue = "threerc-recovery-started";

    /// <summary>
    /// Adds the Monitor module: it polls the Ganglia sources of the <c>Monitor</c> section and publishes
    /// HostUnresponsive, HostResponsive, HostLoadReported and the sources' own failures. It consumes RecoveryStarted,
    /// so that a VM recovered before it was ever found silent is still announced when it reports again.
    /// </summary>
    public static ServiceModules AddMonitor(this ServiceModules modules)
    {
        var services = modules.Services;
        services.AddOptions<MonitorOptions>().BindConfiguration(MonitorOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MonitorOptions>, MonitorOptionsValidator>();
        services.AddMonitorPolling();
        services.AddHostedService<MonitorWorker>();
        services.AddHostedService<PushReceiver>();
        services.AddHealthChecks().AddCheck<GangliaSourcesHealthCheck>("ganglia");
        services.AddPreflightCheck<GangliaPreflightCheck>();
        var queue = modules.Configuration.InstanceQueue(RecoveryStartedQueue);
        return modules.AddToBus(bus => bus.AddConsumer<RecoveryStartedConsumer>().Endpoint(endpoint => endpoint.Name = queue), new MonitorRehearsal());
    }

    /// <summary>What one poll needs: the Ganglia reader, the source and host boards, the probe and the poll itself.</summary>
    internal static IServiceCollection AddMonitorPolling(this IServiceCollection services)
    {
        services.AddMetrics();
        services.AddSingleton<IGangliaReader, GangliaTcpReader>();
        services.AddSingleton<SourceBoard>();
        services.AddSingleton<PushBoard>();
        services.AddSingleton<HostBoard>();
        services.AddSingleton<DownConfirmation>();
        services.AddSingleton<PollCycle>();
        return services;
    }
}
