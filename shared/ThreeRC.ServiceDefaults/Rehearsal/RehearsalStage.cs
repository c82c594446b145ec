using MassTransit;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ThreeRC.Persistence;
using ThreeRC.ServiceDefaults.Inventory;
using ThreeRC.ServiceDefaults.Messaging;

namespace ThreeRC.ServiceDefaults.Rehearsal;

/// <summary>
/// A private copy of the service for one module's rehearsal: the same modules and configuration, but an in-memory
/// bus that carries only that module's consumers, the made-up <see cref="RehearsalInventory"/>, a data folder of
/// its own, dry-run execution and no background services. Nothing on it reaches the broker, a host or a file the
/// service uses. Disposing it stops the bus and deletes its folder.
/// </summary>
public sealed class RehearsalStage : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string _folder;

    private RehearsalStage(IHost host, string folder)
    {
        _host = host;
        _folder = folder;
    }

    /// <summary>The stage's own services.</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>The stage's in-memory bus.</summary>
    public IBus Bus => _host.Services.GetRequiredService<IBus>();

    internal static async Task<RehearsalStage> OpenAsync(IConfiguration configuration, Action<ServiceModules> addModules, int part, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("threerc-rehearsal-").FullName;
        var inventory = Path.Combine(folder, "inventory.yaml");
        await File.WriteAllTextAsync(inventory, RehearsalInventory.Yaml, cancellationToken);

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddConfiguration(configuration);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bus:Transport"] = nameof(BusTransport.InMemory),
            ["Inventory:Path"] = inventory,
            // Never the service's own database: a PostgreSQL one is shared with its other instances.
            ["Storage:Provider"] = nameof(StorageProvider.Sqlite),
            ["Storage:DataDirectory"] = Path.Combine(folder, "data"),
            ["Executor:DryRun"] = "true",
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddInventory();
        var modules = new ServiceModules(builder);
        addModules(modules);
        builder.Services.AddThreeRcBus(builder.Configuration, bus => modules.RegisterPartOnBus(part, bus));

        var stage = new RehearsalStage(builder.Build(), folder);
        await stage._host.Services.GetRequiredService<IBusControl>().StartAsync(cancellationToken);
        return stage;
    }

    /// <summary>Publishes <paramref name="message"/> and returns the first <typeparamref name="TAnswer"/> published on the stage after it.</summary>
    public async Task<TAnswer> CueAsync<TAnswer>(object message, CancellationToken cancellationToken)
        where TAnswer : class
    {
        var answer = new TaskCompletionSource<TAnswer>(TaskCreationOptions.RunContinuationsAsynchronously);
        var listener = Bus.ConnectReceiveEndpoint(endpoint => endpoint.Handler<TAnswer>(context =>
        {
            answer.TrySetResult(context.Message);
            return Task.CompletedTask;
        }));
        try
        {
            await listener.Ready.WaitAsync(cancellationToken);
            await Bus.Publish(message, cancellationToken);
            return await answer.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            await listener.StopAsync(CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.Services.GetRequiredService<IBusControl>().StopAsync(CancellationToken.None);
        if (_host is IAsyncDisposable host) await host.DisposeAsync();
        else _host.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
