using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ThreeRC.Contracts.Operations;
using ThreeRC.Persistence;
using ThreeRC.Placement.Options;
using ThreeRC.Placement.Persistence;
using ThreeRC.Placement.Services;
using ThreeRC.ServiceDefaults.Preflight;

namespace ThreeRC.Placement.Extensions;

public static class PlacementServiceCollectionExtensions
{
    /// <summary>
    /// Adds the <c>Placement</c> options, placement.db and the placement service with its sweeper. Needs the
    /// <c>ClusterInventory</c> and a <c>TimeProvider</c>, which the service defaults register.
    /// </summary>
    public static IServiceCollection AddPlacementServices(this IServiceCollection services)
    {
        services.AddOptions<PlacementOptions>().BindConfiguration(PlacementOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PlacementOptions>, PlacementOptionsValidator>();
        services.AddServiceDatabase<PlacementDatabase>();
        services.AddStorePreflightCheck<PlacementDatabase>(PreflightModules.Placement);
        services.AddSingleton<PlacementStore>();
        services.AddSingleton<PlacementService>();
        services.AddHostedService<PlacementSweeper>();
        return services;
    }
}
