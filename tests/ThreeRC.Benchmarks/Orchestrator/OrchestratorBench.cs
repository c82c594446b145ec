using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ThreeRC.Contracts.Placement;
using ThreeRC.Orchestrator.Extensions;
using ThreeRC.ServiceDefaults;
using ThreeRC.Testing;

namespace ThreeRC.Benchmarks.Orchestrator;

/// <summary>
/// The orchestrator module in a host of its own, its SQLite file in a temporary folder, on the in-memory bus or a
/// private RabbitMQ, with stand-ins that count what it sends. Disposing stops the host, the broker and the folder.
/// </summary>
internal sealed class OrchestratorBench : IAsyncDisposable
{
    private readonly TempDirectory _data;
    private readonly RabbitMqBroker? _broker;
    private IHost? _host;

    private OrchestratorBench(TempDirectory data, RabbitMqBroker? broker)
    {
        _data = data;
        _broker = broker;
    }

    public MessageClock Clock { get; } = new();

    public IBus Bus => _host!.Services.GetRequiredService<IBus>();

    /// <summary>The orchestrator's database file.</summary>
    public string DatabaseFile => _data.Combine("orchestrator.db");

    /// <param name="transport"><c>inmemory</c> or <c>rabbitmq</c>.</param>
    /// <param name="counted">The message types the orchestrator sends whose arrivals <see cref="Clock"/> counts.</param>
    public static async Task<OrchestratorBench> StartAsync(string transport, string inventoryYaml, params Type[] counted)
    {
        var bench = new OrchestratorBench(new TempDirectory("bench-orchestrator"), transport == "rabbitmq" ? new RabbitMqBroker() : null);
        try
        {
            if (bench._broker is not null) await bench._broker.InitializeAsync();
            bench._host = await bench.StartHostAsync(inventoryYaml, counted);
            return bench;
        }
        catch
        {
            await bench.DisposeAsync();
            throw;
        }
    }

    private async Task<IHost> StartHostAsync(string inventoryYaml, Type[] counted)
    {
        var inventory = _data.Write("inventory.yaml", inventoryYaml);
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(_broker?.BusConfiguration ?? new Dictionary<string, string?>());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Inventory:Path"] = inventory,
            ["Storage:DataDirectory"] = _data.Path,
            ["Orchestrator:MaxConcurrentRecoveries"] = "100000",

            // Every round crashes every VM again: without this, flap control would (rightly) escalate them.
            ["Orchestrator:FlapWindow"] = "00:00:00.001",
        });
        builder.Logging.SetMinimumLevel(Enum.Parse<LogLevel>(Environment.GetEnvironmentVariable("BENCH_LOG_LEVEL") ?? "Error"));
        builder.Services.AddSingleton(Clock);
        builder.AddServiceDefaults(modules => modules.AddOrchestrator().AddToBus(registration =>
        {
            registration.AddConsumer<VmsOnHomeHost>();
            foreach (var type in counted) registration.AddConsumer(typeof(ClockConsumer<>).MakeGenericType(type));
        }));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
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
