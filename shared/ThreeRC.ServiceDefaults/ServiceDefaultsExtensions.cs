using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using ThreeRC.ServiceDefaults.Health;
using ThreeRC.ServiceDefaults.Hosting;
using ThreeRC.ServiceDefaults.Inventory;
using ThreeRC.ServiceDefaults.Messaging;
using ThreeRC.ServiceDefaults.Observability;
using ThreeRC.ServiceDefaults.Preflight;
using ThreeRC.ServiceDefaults.Rehearsal;

namespace ThreeRC.ServiceDefaults;

/// <summary>The one call every ThreeRC host makes, and the endpoints every host maps.</summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>The readiness endpoint: every health check, including the bus and each module's own.</summary>
    public const string HealthPath = "/health";

    /// <summary>The liveness endpoint: the process answers.</summary>
    public const string AlivePath = "/alive";

    /// <summary>
    /// Adds the secret files (<see cref="SecretFiles"/>), structured logging, OpenTelemetry, health checks, the validated inventory, the modules that
    /// <paramref name="addModules"/> adds, their rehearsal before the bus starts, the bus carrying their consumers, and one echo through it once it has started.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder, Action<ServiceModules> addModules)
    {
        builder.Configuration.AddSecretFiles(SecretFiles.Directory);
        // Under systemd (Type=notify): READY=1 once the host has started, STOPPING=1 when it stops; nothing otherwise.
        builder.Services.AddSystemd();
        builder.AddThreeRcLogging();
        builder.AddThreeRcTelemetry();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);
        builder.Services.AddInventory();

        var modules = new ServiceModules(builder);
        addModules(modules);
        builder.Services.AddStartupRehearsal(builder.Configuration, addModules, modules.Rehearsals);
        builder.Services.AddThreeRcBus(builder.Configuration, bus =>
        {
            modules.RegisterOnBus(bus);
            bus.AddPreflightConsumer();
        });
        builder.Services.AddHostedService<TransportRehearsal>();
        return builder;
    }

    /// <summary>
    /// Maps <see cref="HealthPath"/> and <see cref="AlivePath"/> (JSON with each check's status), the metrics for
    /// Prometheus (<see cref="ThreeRcMeter.ScrapePath"/>), and every
    /// endpoint the modules added with <see cref="ServiceModules.MapEndpoints"/>.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        foreach (var mapping in app.Services.GetServices<EndpointMapping>()) mapping.Map(app);
        app.MapHealthChecks(HealthPath, new HealthCheckOptions { ResponseWriter = HealthResponseWriter.WriteAsync });
        app.MapHealthChecks(AlivePath, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("live"),
            ResponseWriter = HealthResponseWriter.WriteAsync,
        });
        app.MapPrometheusScrapingEndpoint(ThreeRcMeter.ScrapePath);
        return app;
    }
}
