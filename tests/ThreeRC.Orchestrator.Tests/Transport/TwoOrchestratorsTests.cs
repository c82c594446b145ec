using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ThreeRC.Contracts.Hypervisor;
using ThreeRC.Contracts.Placement;
using ThreeRC.Contracts.Recovery;
using ThreeRC.Orchestrator.Tests.Harness;
using ThreeRC.ServiceDefaults.Messaging;
using ThreeRC.Testing;
using static ThreeRC.Orchestrator.Tests.Harness.Messages;

namespace ThreeRC.Orchestrator.Tests.Transport;

/// <summary>Two orchestrator processes on one RabbitMQ queue and one PostgreSQL database, one of them killed mid-recovery.</summary>
public sealed class TwoOrchestratorsTests(RabbitMqBroker broker) : IClassFixture<RabbitMqBroker>, IAsyncLifetime
{
    private static readonly string[] Vms = ["web1", "db1", "web2"];
    private readonly TempDirectory _data = new("two-orchestrators");
    private readonly List<ServiceProcess> _orchestrators = [];

    [Fact]
    public async Task Every_incident_is_recovered_once_with_one_command_of_each_kind_when_one_instance_is_killed()
    {
        var storage = await (await PostgresServer.SharedAsync()).DatabaseAsync(_data.Path);
        await StartOrchestratorAsync(storage);
        await StartOrchestratorAsync(storage);
        var seen = new ConcurrentQueue<object>();
        using var collaborators = await CollaboratorsStandIn.StartAsync(broker, seen);
        var bus = collaborators.Services.GetRequiredService<IBus>();

        foreach (var vm in Vms) await bus.Publish(Down(vm));
        await Eventually.Until(() => seen.OfType<RebootGuest>().Any(), TimeSpan.FromSeconds(60), "the first RebootGuest");
        _orchestrators[0].Kill();
        await Eventually.Until(() => Vms.All(vm => seen.OfType<RestartVm>().Any(m => m.VmName == vm)), TimeSpan.FromSeconds(90), "a RestartVm for every VM");
        foreach (var vm in Vms) await bus.Publish(Up(vm));
        await Eventually.Until(() => Vms.All(vm => seen.OfType<RecoveryCompleted>().Any(m => m.VmName == vm)), TimeSpan.FromSeconds(90), "every incident completed");
        await Task.Delay(TimeSpan.FromSeconds(3));

        foreach (var vm in Vms)
        {
            var completed = Assert.Single(seen.OfType<RecoveryCompleted>().Where(m => m.VmName == vm).DistinctBy(m => m.RecoveryId));
            Assert.Equal(RecoveryOutcome.Recovered, completed.Outcome);
            Assert.Single(seen.OfType<PlaceVm>().Where(m => m.VmName == vm).Select(m => m.RecoveryId).Distinct());
            Assert.Single(seen.OfType<RestartVm>().Where(m => m.VmName == vm).Select(m => m.CommandId).Distinct());
            Assert.Single(seen.OfType<RebootGuest>().Where(m => m.VmName == vm).Select(m => m.CommandId).Distinct());
        }

        Assert.False(_orchestrators[1].HasExited, _orchestrators[1].Output);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // xUnit 2 disposes a test class through IAsyncLifetime, not IAsyncDisposable: the surviving orchestrator outlived the run.
    public async Task DisposeAsync()
    {
        foreach (var orchestrator in _orchestrators) await orchestrator.DisposeAsync();
        _data.Dispose();
    }

    private async Task StartOrchestratorAsync(string connectionString)
    {
        var port = FreePort.Next();
        var orchestrator = ServiceProcess.StartService("ThreeRC.Orchestrator", new Dictionary<string, string?>(broker.BusEnvironment)
        {
            ["Urls"] = $"http://127.0.0.1:{port}",
            ["Inventory__Path"] = File.Exists(_data.Combine("inventory.yaml")) ? _data.Combine("inventory.yaml") : _data.Write("inventory.yaml", TestInventory.Yaml),
            ["Storage__Provider"] = "PostgreSql",
            ["Storage__ConnectionString"] = connectionString,
            ["BMC_PASSWORD"] = "not-used",
        });
        _orchestrators.Add(orchestrator);
        await orchestrator.WaitForHealthAsync($"http://127.0.0.1:{port}/health");
    }
}
