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
    /// <summary>
    /// Adds the PxeProvisioner module: the <c>Pxe</c> options, its SQLite file, the pxelinux entries written at
    /// start, the <c>PrepareReinstall</c> consumer and the installer's HTTP endpoints.
    /// </summary>
    public static ServiceModules AddPxeProvisioner(this ServiceModules modules)
    {
        var services = modules.Services;
        services.AddOptions<PxeOptions>().BindConfiguration(PxeOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PxeOptions>, PxeOptionsValidator>();
        services.AddSqliteDatabase<PxeDatabase>();
        services.AddSingleton<AtomicFileWriter>();
        services.AddSingleton<TftpRoot>();
        services.AddSingleton<InstallTokenVerifier>();
        services.AddScoped<ReinstallPreparer>();
        services.AddScoped<InstallCallbacks>();
        services.AddHostedService<PxeStartup>();
        return modules
            .AddToBus(bus => bus.AddConsumer<PrepareReinstallConsumer>())
            .MapEndpoints(app => app.MapPxeEndpoints());
    }
}
