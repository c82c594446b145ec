using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ThreeRC.Api.Extensions;
using ThreeRC.Api.Feed;
using ThreeRC.Api.V1;
using ThreeRC.ServiceDefaults;
using ThreeRC.Testing;

namespace ThreeRC.Api.Tests.Fixtures;

/// <summary>
/// The Api module in a real host on two loopback ports (HTTP/1.1 for /health, cleartext HTTP/2 for gRPC), on the
/// in-memory bus with the test inventory and a private data folder. A fake placement answers previews.
/// </summary>
public sealed class ApiHost : IAsyncDisposable
{
    public const string Key = "test-key-0123456789abcdef";

    private readonly WebApplication _app;
    private readonly TempDirectory _data;
    private readonly GrpcChannel _channel;

    private ApiHost(WebApplication app, TempDirectory data, int httpPort, int grpcPort)
    {
        _app = app;
        _data = data;
        HttpPort = httpPort;
        GrpcPort = grpcPort;
        _channel = GrpcChannel.ForAddress(GrpcAddress);
    }

    public int HttpPort { get; }

    public int GrpcPort { get; }

    public string GrpcAddress => $"http://127.0.0.1:{GrpcPort}";

    public IServiceProvider Services => _app.Services;

    public EventFeed Feed => Services.GetRequiredService<EventFeed>();

    public PlacementAnswers Placement => Services.GetRequiredService<PlacementAnswers>();

    public Received Received => Services.GetRequiredService<Received>();

    /// <summary>Calls that present no API key.</summary>
    public CallInvoker Anonymous => _channel.CreateCallInvoker();

    /// <summary>Calls that present the configured key.</summary>
    public CallInvoker Operator => WithKey(Key);

    public Cluster.ClusterClient Cluster => new(Anonymous);

    public Recoveries.RecoveriesClient Recoveries => new(Anonymous);

    public V1.Reports.ReportsClient Reports => new(Anonymous);

    public Events.EventsClient Events => new(Anonymous);

    public Operations.OperationsClient Operations => new(Operator);

    public static async Task<ApiHost> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? time = null)
    {
        var data = new TempDirectory("api");
        var (httpPort, grpcPort) = (FreePort.Next(), FreePort.Next());
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = data.Path });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Urls"] = $"http://127.0.0.1:{httpPort};http://127.0.0.1:{grpcPort}",
            ["Api:GrpcPort"] = grpcPort.ToString(),
            ["Api:ApiKey"] = Key,
            ["Inventory:Path"] = data.Write("inventory.yaml", TestInventory.Yaml()),
            ["Bus:Transport"] = "InMemory",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.Configuration.AddInMemoryCollection(TestStorage.Settings(data.Path));
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        if (time is not null) builder.Services.AddSingleton(time);
        builder.Services.AddSingleton<PlacementAnswers>();
        builder.Services.AddSingleton<Received>();
        builder.AddServiceDefaults(modules => modules.AddApi().AddToBus(bus =>
        {
            bus.AddConsumer<FakePlacement>();
            bus.AddConsumer<Recorder<ThreeRC.Contracts.Operations.MaintenanceChanged>>();
            bus.AddConsumer<Recorder<ThreeRC.Contracts.Recovery.RecoveryRequested>>();
            bus.AddConsumer<Recorder<ThreeRC.Contracts.Operations.ResumeFencing>>();
        }));

        var app = builder.Build();
        app.MapDefaultEndpoints();
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            data.Dispose();
            throw;
        }

        return new ApiHost(app, data, httpPort, grpcPort);
    }

    public CallInvoker WithKey(string key) => _channel.Intercept(metadata =>
    {
        metadata.Add("x-api-key", key);
        return metadata;
    });

    /// <summary>Publishes on the host's bus, as another service would.</summary>
    public Task PublishAsync(object message, Guid? messageId = null) =>
        Services.GetRequiredService<IBus>().Publish(message, message.GetType(), context =>
        {
            if (messageId is not null) context.MessageId = messageId;
        });

    /// <summary>
    /// Returns once every event published before the call has been consumed: the Api consumes its events one at a
    /// time in arrival order, so a marker published now comes out after them.
    /// </summary>
    public async Task DrainAsync()
    {
        var marker = Guid.NewGuid().ToString();
        using var subscription = Feed.Subscribe(feedEvent => feedEvent.Facts.Summary.Contains(marker, StringComparison.Ordinal));
        await PublishAsync(new ThreeRC.Contracts.Recovery.RecoveryRequested(
            "drain-marker", ThreeRC.Contracts.Recovery.RecoveryLevel.Reboot, marker, null, "tests", DateTimeOffset.UtcNow));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await subscription.Events.ReadAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _data.Dispose();
    }
}
