using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ThreeRC.ServiceDefaults.Rehearsal;

public static class RehearsalExtensions
{
    /// <summary>
    /// Adds the <c>Rehearsal</c> options and the start-up rehearsal of <paramref name="rehearsals"/>. Register it
    /// before the bus (hosted services start in order, so the bus starts once the rehearsal is over), and
    /// <see cref="TransportRehearsal"/> after it.
    /// </summary>
    internal static IServiceCollection AddStartupRehearsal(this IServiceCollection services, IConfiguration configuration,
        Action<ServiceModules> addModules, IReadOnlyList<(int Part, IRehearsal Rehearsal)> rehearsals)
    {
        services.AddOptions<RehearsalOptions>().BindConfiguration(RehearsalOptions.SectionName)
            .Validate(options => options.Timeout > TimeSpan.Zero, "Rehearsal:Timeout: must be a positive duration such as 00:00:30")
            .ValidateOnStart();
        services.AddHostedService(provider => new StartupRehearsal(configuration, addModules, rehearsals,
            provider.GetRequiredService<IOptions<RehearsalOptions>>(), provider.GetRequiredService<ILogger<StartupRehearsal>>()));
        return services;
    }
}
