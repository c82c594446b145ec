using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ThreeRC.Contracts.Hypervisor;
using ThreeRC.HypervisorExecutor.Tests.Harness;
using ThreeRC.Persistence;
using ThreeRC.ServiceDefaults.Messaging;
using ThreeRC.Testing;

namespace ThreeRC.HypervisorExecutor.Tests.Messaging;

/// <summary>The built service, run as its own process on a real RabbitMQ, restarts a VM on a real sshd.</summary>
public sealed class RestartVmOverRabbitMqTests : IAsyncLifetime
{
    private static readonly string[] Restarted = ["virsh domstate gridce", "virsh destroy gridce", "virsh start gridce", "virsh domstate gridce"];
    private readonly RabbitMqBroker _broker = new();
    private readonly TempDirectory _data = new("executor-service");
    private readonly RestartResults _results = new();
    private Dictionary<string, string?> _environment = null!;
    private Lab _lab = null!;
    private ServiceProcess _service = null!;
    private IHost _orchestrator = null!;

    public async Task InitializeAsync()
    {
        await Task.WhenAll(_broker.InitializeAsync(), StartLabAsync());
        var inventory = _lab.Write("inventory.yaml", new TestInventory().Host("alfa01", _lab[0]).Vm("gridce", "alfa01", _lab.LibvirtDefinition("gridce")).Yaml);
        var port = FreePort.Next();
        _environment = new Dictionary<string, string?>(_broker.BusEnvironment.Concat(TestStorage.Environment(_data.Path)))
        {
            ["Urls"] = $"http://127.0.0.1:{port}",
            ["Inventory__Path"] = inventory,
            ["Executor__Ssh__KnownHostsFile"] = _lab.KnownHostsFile,
            ["Executor__Ssh__DefaultKeyFile"] = _lab.Key.PrivateKeyFile,
        };
        await StartServiceAsync();
        _orchestrator = await StartOrchestratorBusAsync();
    }

    public async Task DisposeAsync()
    {
        if (_orchestrator is not null) await _orchestrator.StopAsync();
        if (_service is not null) await _service.DisposeAsync();
        if (_lab is not null) await _lab.DisposeAsync();
        await _broker.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task A_restart_command_from_the_broker_restarts_the_vm_and_its_result_goes_back_through_the_broker()
    {
        _lab[0].SetDomain("gridce", "running");
        var recovery = Guid.NewGuid();

        await PublishAsync(new RestartVm(recovery, "gridce", Guid.NewGuid(), "alfa01", null, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddMinutes(5)));

        var restarted = await _results.NextAsync();
        Assert.Equal((recovery, "gridce", "alfa01"), (restarted.RecoveryId, restarted.VmName, restarted.HostName));
        Assert.Equal(Restarted, _lab[0].Calls());
        Assert.Equal("running", _lab[0].DomainState("gridce"));
        if (TestStorage.Provider == StorageProvider.Sqlite)
            Assert.True(File.Exists(Path.Combine(_data.Path, "executor.db")), "the command record is under Storage:DataDirectory");
        var queues = await _broker.QueueNamesAsync();
        Assert.All(["threerc-reboot-guest", "threerc-restart-vm", "threerc-fence-host", "threerc-returned-host"], queue => Assert.Contains(queue, queues));
    }

    [Fact]
    public async Task A_restart_command_delivered_again_after_the_service_was_killed_and_started_again_is_answered_from_its_record()
    {
        _lab[0].SetDomain("gridce", "running");
        var restart = new RestartVm(Guid.NewGuid(), "gridce", Guid.NewGuid(), "alfa01", null, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddMinutes(5));
        await PublishAsync(restart);
        var first = await _results.NextAsync();

        _service.Kill();
        await _service.DisposeAsync();
        await StartServiceAsync();
        await PublishAsync(restart);

        var again = await _results.NextAsync();
        Assert.Equal((restart.CommandId, first.RestartedAt), (again.CommandId, again.RestartedAt));
        Assert.Equal(first.Commands, again.Commands);
        Assert.Equal(Restarted, _lab[0].Calls());
        Assert.Equal("running", _lab[0].DomainState("gridce"));
    }

    private async Task StartServiceAsync()
    {
        _service = ServiceProcess.StartService("ThreeRC.HypervisorExecutor", _environment);
        await _service.WaitForHealthAsync($"{_environment["Urls"]}/health");
    }

    private Task PublishAsync(RestartVm command) => _orchestrator.Services.GetRequiredService<IPublishEndpoint>().Publish(command);

    private async Task StartLabAsync() => _lab = await Lab.StartAsync(hosts: 1);

    private async Task<IHost> StartOrchestratorBusAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(_broker.BusConfiguration);
        builder.Services.AddSingleton(_results);
        builder.Services.AddThreeRcBus(builder.Configuration, bus => bus.AddConsumer<RestartResultConsumer>());
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    public sealed class RestartResults
    {
        private readonly BlockingCollection<object> _results = [];

        public void Add(object result) => _results.Add(result);

        public async Task<VmRestarted> NextAsync() => await Task.Run(() => _results.TryTake(out var result, TimeSpan.FromSeconds(60))
            ? result as VmRestarted ?? throw new InvalidOperationException($"the restart failed: {((VmRestartFailed)result).Reason}")
            : throw new TimeoutException("no restart result within 60 s"));
    }

    public sealed class RestartResultConsumer(RestartResults results) : IConsumer<VmRestarted>, IConsumer<VmRestartFailed>
    {
        public Task Consume(ConsumeContext<VmRestarted> context)
        {
            results.Add(context.Message);
            return Task.CompletedTask;
        }

        public Task Consume(ConsumeContext<VmRestartFailed> context)
        {
            results.Add(context.Message);
            return Task.CompletedTask;
        }
    }
}
