using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ThreeRC.Contracts.Placement;
using ThreeRC.Orchestrator.Extensions;
using ThreeRC.Persistence;
using ThreeRC.ServiceDefaults;
using ThreeRC.Testing;

namespace ThreeRC.Benchmarks.Orchestrator;

/// <summary>
/// The orchestrator module in hosts of its own (one, or several sharing a PostgreSQL database on RabbitMQ), its
/// SQLite file in a temporary folder or its schema in a fresh database of a private PostgreSQL, on the in-memory bus
/// or a private RabbitMQ, with stand-ins (in the first host) that count what it sends. Disposing stops the hosts,
/// the broker and the folder.
/// </summary>
internal sealed class OrchestratorBench : IAsyncDisposable
{
    private readonly TempDirectory _data;
    private readonly RabbitMqBroker? _broker;
    private readonly List<IHost> _hosts = [];

    private OrchestratorBench(TempDirectory data, RabbitMqBroker? broker)
    {
        _data = data;
        _broker = broker;
    }

    public MessageClock Clock { get; } = new();

    public IBus Bus => _hosts[0].Services.GetRequiredService<IBus>();

    /// <summary>Where the sagas are: the storage settings the hosts share.</summary>
    public StorageOptions Storage { get; private set; } = new();

    /// <param name="setup">The transport, the storage and how many orchestrators.</param>
    /// <param name="counted">The message types the orchestrator sends whose arrivals <see cref="Clock"/> counts.</param>
    public static async Task<OrchestratorBench> StartAsync(BenchSetup setup, string inventoryYaml, params Type[] counted)
    {
        var bench = new OrchestratorBench(new TempDirectory("bench-orchestrator"), setup.Transport == "rabbitmq" ? new RabbitMqBroker() : null);
        try
        {
            if (bench._broker is not null) await bench._broker.InitializeAsync();
            bench.Storage = setup.Storage == StorageProvider.Sqlite
                ? new StorageOptions { DataDirectory = bench._data.Path }
                : new StorageOptions
                {
                    Provider = StorageProvider.PostgreSql,
                    DataDirectory = bench._data.Path,
                    ConnectionString = await (await PostgresServer.SharedAsync()).DatabaseAsync($"bench-{Guid.NewGuid()}"),
                };
            var inventory = bench._data.Write("inventory.yaml", inventoryYaml);
            for (var i = 0; i < setup.Orchestrators; i++) bench._hosts.Add(await bench.StartHostAsync(inventory, i == 0 ? counted : null));
            return bench;
        }
        catch
        {
            await bench.DisposeAsync();
            throw;
        }
    }

    /// <summary>An orchestrator; the first gets the stand-ins (placement's answer, the counting consumers), the others nothing more.</summary>
    private async Task<IHost> StartHostAsync(string inventory, Type[]? counted)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(_broker?.BusConfiguration ?? new Dictionary<string, string?>());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Inventory:Path"] = inventory,
            ["Storage:Provider"] = Storage.Provider.ToString(),
            ["Storage:DataDirectory"] = Storage.DataDirectory,
            ["Storage:ConnectionString"] = Storage.ConnectionString,
            ["Orchestrator:MaxConcurrentRecoveries"] = "100000",

            // Every round crashes every VM again: without this, flap control would (rightly) escalate them.
            ["Orchestrator:FlapWindow"] = "00:00:00.001",
        });
        builder.Logging.SetMinimumLevel(Enum.Parse<LogLevel>(Environment.GetEnvironmentVariable("BENCH_LOG_LEVEL") ?? "Error"));
        builder.Services.AddSingleton(Clock);
        builder.AddServiceDefaults(modules => modules.AddOrchestrator().AddToBus(registration =>
        {
            if (counted is null) return;
            registration.AddConsumer<VmsOnHomeHost>();
            foreach (var type in counted) registration.AddConsumer(typeof(ClockConsumer<>).MakeGenericType(type));
        }));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.StopAsync();
            host.Dispose();
        }

        if (_broker is not null) await _broker.DisposeAsync();
        _data.Dispose();
    }

    /// <summary>Placement's answer to GetVmsOnHost: the VMs whose home is the host.</summary>
    public sealed class VmsOnHomeHost(ThreeRC.Inventory.Model.ClusterInventory inventory) : IConsumer<GetVmsOnHost>
    {
        public Task Consume(ConsumeContext<GetVmsOnHost> context) =>
            context.RespondAsync(new VmsOnHost(context.Message.HostName, true,
                inventory.Vms.Where(vm => vm.HomeHost == context.Message.HostName).Select(vm => vm.Name).ToList()));
    }
}

/// <summary>
/// How a scenario runs the orchestrator: <c>inmemory</c> or <c>rabbitmq</c>, on SQLite or PostgreSQL, and how many
/// instances (several need RabbitMQ and PostgreSQL: they share the queues and the sagas).
/// </summary>
internal sealed record BenchSetup(string Transport, StorageProvider Storage = StorageProvider.Sqlite, int Orchestrators = 1)
{
    /// <summary>Reads the transport at <paramref name="transportAt"/>, then sqlite or postgresql and the number of orchestrators from <paramref name="storageAt"/> on.</summary>
    public static BenchSetup From(string[] arguments, int transportAt, int storageAt)
    {
        var setup = new BenchSetup(
            arguments.ElementAtOrDefault(transportAt) ?? "inmemory",
            Enum.Parse<StorageProvider>(arguments.ElementAtOrDefault(storageAt) ?? "sqlite", ignoreCase: true),
            int.Parse(arguments.ElementAtOrDefault(storageAt + 1) ?? "1"));
        if (setup.Orchestrators > 1 && (setup.Transport != "rabbitmq" || setup.Storage != StorageProvider.PostgreSql))
            throw new ArgumentException("several orchestrators share RabbitMQ's queues and PostgreSQL's sagas: give rabbitmq and postgresql");
        return setup;
    }

    public override string ToString() =>
        $"transport {Transport}, {Storage}, {Orchestrators} orchestrator{(Orchestrators == 1 ? "" : "s")}";
}
