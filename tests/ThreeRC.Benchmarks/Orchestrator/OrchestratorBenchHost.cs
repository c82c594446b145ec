using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ThreeRC.Contracts.Placement;
using ThreeRC.Orchestrator.Extensions;
using ThreeRC.ServiceDefaults;

namespace ThreeRC.Benchmarks.Orchestrator;

/// <summary>The orchestrator module in a host of its own, on the in-memory bus or RabbitMQ, with stand-ins that count what it sends.</summary>
internal static class OrchestratorBenchHost
{
    public static async Task<IHost> StartAsync(string dataDirectory, string inventoryYaml, IReadOnlyDictionary<string, string?> bus, MessageClock clock, params Type[] counted)
    {
        var inventory = Path.Combine(dataDirectory, "inventory.yaml");
        await File.WriteAllTextAsync(inventory, inventoryYaml);
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(bus);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Inventory:Path"] = inventory,
            ["Storage:DataDirectory"] = dataDirectory,
            ["Orchestrator:MaxConcurrentRecoveries"] = "100000",

            // Every round crashes every VM again: without this, flap control would (rightly) escalate them.
            ["Orchestrator:FlapWindow"] = "00:00:00.001",
        });
        builder.Logging.SetMinimumLevel(Enum.Parse<LogLevel>(Environment.GetEnvironmentVariable("BENCH_LOG_LEVEL") ?? "Error"));
        builder.Services.AddSingleton(clock);
        builder.AddServiceDefaults(modules => modules.AddOrchestrator().AddToBus(registration =>
        {
            registration.AddConsumer<VmsOnHomeHost>();
            foreach (var type in counted) registration.AddConsumer(typeof(ClockConsumer<>).MakeGenericType(type));
        }));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    /// <summary>Placement's answer to GetVmsOnHost: the VMs whose home is the host.</summary>
    public sealed class VmsOnHomeHost(ThreeRC.Inventory.Model.ClusterInventory inventory) : IConsumer<GetVmsOnHost>
    {
        public Task Consume(ConsumeContext<GetVmsOnHost> context) =>
            context.RespondAsync(new VmsOnHost(context.Message.HostName, true,
                inventory.Vms.Where(vm => vm.HomeHost == context.Message.HostName).Select(vm => vm.Name).ToList()));
    }
}
