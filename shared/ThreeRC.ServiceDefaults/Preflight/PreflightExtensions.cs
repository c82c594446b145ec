using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using ThreeRC.Persistence;

namespace ThreeRC.ServiceDefaults.Preflight;

/// <summary>Registers what <c>threerc doctor</c> checks.</summary>
public static class PreflightExtensions
{
    public static IServiceCollection AddPreflightCheck<TCheck>(this IServiceCollection services)
        where TCheck : class, IPreflightCheck =>
        services.AddSingleton<IPreflightCheck, TCheck>();

    /// <summary>Checks that <typeparamref name="TDatabase"/> opens and answers, for <paramref name="module"/>.</summary>
    public static IServiceCollection AddStorePreflightCheck<TDatabase>(this IServiceCollection services, string module)
        where TDatabase : ServiceDatabase =>
        services.AddSingleton<IPreflightCheck>(provider => new StorePreflightCheck<TDatabase>(module, provider.GetRequiredService<TDatabase>()));

    /// <summary>
    /// The consumer of <c>RunPreflight</c> on a queue of this process's own that goes when the process does: every
    /// process answers, whatever the number of instances of its service.
    /// </summary>
    public static void AddPreflightConsumer(this IBusRegistrationConfigurator bus) =>
        bus.AddConsumer<RunPreflightConsumer>().Endpoint(endpoint =>
        {
            endpoint.Name = $"threerc-preflight-{Guid.NewGuid():N}";
            endpoint.Temporary = true;
        });
}
