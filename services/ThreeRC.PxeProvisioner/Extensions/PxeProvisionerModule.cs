using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ThreeRC.Persistence;
using ThreeRC.PxeProvisioner.Consumers;
using ThreeRC.PxeProvisioner.Hosting;
using ThreeRC.PxeProvisioner.Http;
using ThreeRC.PxeProvisioner.Options;
using ThreeRC.PxeProvisioner.Persistence;
using ThreeRC.PxeProvisioner.Provisioning;
using ThreeRC.PxeProvisioner.Pxelinux;
using ThreeRC.ServiceDefaults;

namespace ThreeRC.PxeProvisioner.Extensions;

public static class PxeProvisionerModule
{
    /// <summary>The queue of the provisioner's <c>RecoveryCompleted</c> consumer: its own, never shared with another service's consumer of that event.</summary>
    public const string RecoveryCompletedQueue = "threerc-pxe-recovery-completed";

    /// <summary>
    /// Adds the PxeProvisioner module: the <c>Pxe</c> options, its SQLite file, the pxelinux entries checked at start,
    /// the sweep of expired tokens, the <c>PrepareReinstall</c> and <c>RecoveryCompleted</c> consumers and the
    /// installer's HTTP endpoints.
    /// </summary>
    public static ServiceModules AddPxeProvisioner(this ServiceModules modules)
    {
        var services = modules.Services;
        services.AddOptions<PxeOptions>().BindConfiguration(PxeOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PxeOptions>, PxeOptionsValidator>();
        services.AddServiceDatabase<PxeDatabase>();
        services.AddSingleton<AtomicFileWriter>();
        services.AddSingleton<TftpRoot>();
        services.AddSingleton<InstallTokenVerifier>();
        services.AddSingleton<ArmedEntries>();
        services.AddSingleton<LocalBootRestorer>();
        services.AddSingleton<ArmedEntrySweep>();
        services.AddSingleton<IncidentEndings>();
        services.AddScoped<ReinstallPreparer>();
        services.AddScoped<InstallCallbacks>();
        services.AddHostedService<PxeStartup>();
        services.AddHostedService<ExpiredTokenSweeper>();
        return modules
            .AddToBus(bus =>
            {
                bus.AddConsumer<PrepareReinstallConsumer>();
                bus.AddConsumer<RecoveryCompletedConsumer>().Endpoint(endpoint => endpoint.Name = RecoveryCompletedQueue);
            })
            .MapEndpoints(app => app.MapPxeEndpoints());
    }
}
