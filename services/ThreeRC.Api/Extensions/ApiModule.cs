using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using ThreeRC.Api.Authentication;
using ThreeRC.Api.Consumers;
using ThreeRC.Api.Dashboard;
using ThreeRC.Api.Feed;
using ThreeRC.Api.Grpc;
using ThreeRC.Api.HealthChecks;
using ThreeRC.Api.Hosting;
using ThreeRC.Api.Notifications;
using ThreeRC.Api.Options;
using ThreeRC.Api.Persistence;
using ThreeRC.Api.Planning;
using ThreeRC.Api.Preflight;
using ThreeRC.Api.ReadModel;
using ThreeRC.Api.Reports;
using ThreeRC.Contracts.Operations;
using ThreeRC.Contracts.Placement;
using ThreeRC.Persistence;
using ThreeRC.ServiceDefaults;
using ThreeRC.ServiceDefaults.Messaging;
using ThreeRC.ServiceDefaults.Preflight;

namespace ThreeRC.Api.Extensions;

public static class ApiModule
{
    /// <summary>
    /// Adds the Api module: the read model fed by every event, the gRPC services (with reflection, the standard health
    /// service and their JSON API), the status page and the operator key.
    /// </summary>
    public static ServiceModules AddApi(this ServiceModules modules)
    {
        var services = modules.Services;
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiOptions>, ApiOptionsValidator>();
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<ApiOptions>>(GrpcEndpoints.UseHttp2OnGrpcPort);
        services.AddHostedService<GrpcEndpoints.Reporter>();

        services.AddServiceDatabase<ApiDatabase>();
        services.AddStorePreflightCheck<ApiDatabase>(PreflightModules.Api);
        services.AddSingleton<MonitorStateStore>();
        services.AddSingleton<HostLoadStore>();
        services.AddSingleton<MonitorSourceStore>();
        services.AddSingleton<VmLocationStore>();
        services.AddSingleton<MaintenanceStore>();
        services.AddSingleton<FencingBrakeStore>();
        services.AddSingleton<RecoveryStore>();
        services.AddSingleton<RecoveryQueries>();
        services.AddSingleton<TimelineStore>();
        services.AddSingleton<OperatorActionStore>();
        services.AddSingleton<ClusterReader>();
        services.AddSingleton<FencingAlerts>();
        services.AddSingleton<EventFeed>();
        services.AddMetrics();
        services.AddSingleton<IncidentMetrics>();
        services.AddSingleton<EventJournal>();
        services.AddSingleton<RecoveryPlanner>();
        services.AddScoped<PlacementPreviewer>();
        services.AddSingleton<OperatorKey>();
        services.AddSingleton<PreflightRounds>();
        services.AddNotifications();
        services.AddSingleton<ApiKeyInterceptor>();
        services.AddHealthChecks().AddCheck<ReadModelHealthCheck>("api-read-model");

        services.AddSingleton<StoreUnavailableInterceptor>();
        services.AddGrpc(grpc => grpc.Interceptors.Add<StoreUnavailableInterceptor>())
            .AddJsonTranscoding()
            .Guarded<ClusterService>()
            .Guarded<RecoveriesService>()
            .Guarded<ReportsService>()
            .Guarded<EventsService>()
            .Guarded<OperationsService>();
        services.AddGrpcReflection();
        services.AddGrpcHealthChecks();

        modules.AddToBus(bus =>
        {
            bus.AddEventConsumers(modules.Configuration.InstanceQueue(EventsEndpoint.QueueName));
            bus.AddRequestClient<PreviewPlacement>();
            bus.AddConsumer<PreflightAnsweredConsumer>().Endpoint(endpoint =>
            {
                endpoint.Name = $"threerc-preflight-answers-{Guid.NewGuid():N}";
                endpoint.Temporary = true;
            });
        });
        modules.MapEndpoints(endpoints =>
        {
            endpoints.MapGrpcService<ClusterService>();
            endpoints.MapGrpcService<RecoveriesService>();
            endpoints.MapGrpcService<ReportsService>();
            endpoints.MapGrpcService<EventsService>();
            endpoints.MapGrpcService<OperationsService>();
            endpoints.MapGrpcReflectionService();
            endpoints.MapGrpcHealthChecksService();
            endpoints.MapDashboard();
            endpoints.MapRecoveryTimes();
        });
        return modules;
    }

    private static IGrpcServerBuilder Guarded<TService>(this IGrpcServerBuilder grpc)
        where TService : class =>
        grpc.AddServiceOptions<TService>(options => options.Interceptors.Add<ApiKeyInterceptor>());
}
