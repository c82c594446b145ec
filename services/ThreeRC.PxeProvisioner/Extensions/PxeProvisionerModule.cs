using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ThreeRC.Contracts.Operations;
using ThreeRC.Persistence;
using ThreeRC.PxeProvisioner.Consumers;
using ThreeRC.PxeProvisioner.Hosting;
using ThreeRC.PxeProvisioner.Http;
using ThreeRC.PxeProvisioner.Options;
using ThreeRC.PxeProvisioner.Persistence;
using ThreeRC.PxeProvisioner.Preflight;
using ThreeRC.PxeProvisioner.Provisioning;
using ThreeRC.PxeProvisioner.Pxelinux;
using ThreeRC.ServiceDefaults;
using ThreeRC.ServiceDefaults.Messaging;
using ThreeRC.ServiceDefaults.Preflight;

namespace ThreeRC.PxeProvisioner.Extensions;

public static class PxeProvisionerModule
{
    /// <summary>The queue of the provisioner's <c>RecoveryCompleted</c> consumer: its own, never shared with another service's consumer of that event.</summary>
    public const string RecoveryCompletedQueue = "threerc-pxe-recovery-completed";

    public const string PrepareReinstallQueue = "threerc-prepare-reinstall";

    /// <summary>
    /// Adds the PxeProvisioner module: the <c>Pxe</c> options, its database, the pxelinux entries checked at start,
    /// the sweep of expired tokens, the <c>PrepareReinstall</c> and <c>RecoveryCompleted</c> consumers and the
    /// installer's HTTP endpoints.
    /// </summary>
    public static ServiceModules AddPxeProvisioner(this ServiceModules modules)
    {
        var services = modules.Services;
        services.AddOptions<PxeOptions>().BindConfiguration(PxeOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PxeOptions>, PxeOptionsValidator>();
        services.AddServiceDatabase<PxeDatabase>();
        services.AddStorePreflightCheck<PxeDatabase>(PreflightModules.Pxe);
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
        services.AddHttpClient();
        services.AddPreflightCheck<PxePreflightCheck>();
        services.AddHostedService<ExpiredTokenSweeper>();

        // Several provisioners on one TFTP root: one consumes at a time, the others stand by (Bus:RabbitMq:SingleActiveConsumers).
        services.AddSingleActiveConsumerEndpoint(PrepareReinstallQueue);
        services.AddSingleActiveConsumerEndpoint(RecoveryCompletedQueue);
        return modules
            .AddToBus(bus =>
            {
                bus.AddConsumer<PrepareReinstallConsumer>().Endpoint(endpoint => endpoint.Name = PrepareReinstallQueue);
                bus.AddConsumer<RecoveryCompletedConsumer>().Endpoint(endpoint => endpoint.Name = RecoveryCompletedQueue);
            })
            .MapEndpoints(app => app.MapPxeEndpoints());
    }
}
