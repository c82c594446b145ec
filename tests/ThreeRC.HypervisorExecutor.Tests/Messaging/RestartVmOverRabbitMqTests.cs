using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ThreeRC.Contracts.Hypervisor;
using ThreeRC.HypervisorExecutor.Tests.Harness;
using ThreeRC.ServiceDefaults.Messaging;
using ThreeRC.Testing;

namespace ThreeRC.HypervisorExecutor.Tests.Messaging;

/// <summary>The built service, run as its own process on a real RabbitMQ, restarts a VM on a real sshd.</summary>
public sealed class RestartVmOverRabbitMqTests : IAsyncLifetime
{
    private readonly RabbitMqBroker _broker = new();
    private readonly RestartResults _results = new();
    private Lab _lab = null!;
    private ServiceProcess _service = null!;
    private IHost _orchestrator = null!;

    public async Task InitializeAsync()
    {
        await Task.WhenAll(_broker.InitializeAsync(), StartLabAsync());
        var inventory = _lab.Write("inventory.yaml", new TestInventory().Host("alfa01", _lab[0]).Vm("gridce", "alfa01", _lab.LibvirtDefinition("gridce")).Yaml);
        var port = FreePort.Next();
        var environment = new Dictionary<string, string?>(_broker.BusEnvironment)
        {
            ["Urls"] = $"http://127.0.0.1:{port}",
            ["Inventory__Path"] = inventory,
            ["Executor__Ssh__KnownHostsFile"] = _lab.KnownHostsFile,
            ["Executor__Ssh__DefaultKeyFile"] = _lab.Key.PrivateKeyFile,
        };
        _service = ServiceProcess.StartService("ThreeRC.HypervisorExecutor", environment);
        await _service.WaitForHealthAsync($"http://127.0.0.1:{port}/health");
        _orchestrator = await StartOrchestratorBusAsync();
    }

    public async Task DisposeAsync()
    {
        if (_orchestrator is not null) await _orchestrator.StopAsync();
        if (_service is not null) await _service.DisposeAsync();
        if (_lab is not null) await _lab.DisposeAsync();
        await _broker.DisposeAsync();
    }

    [Fact]
    public async Task A_restart_command_from_the_broker_restarts_the_vm_and_its_result_goes_back_through_the_broker()
    {
        _lab[0].SetDomain("gridce", "running");
        var recovery = Guid.NewGuid();

        await _orchestrator.Services.GetRequiredService<IPublishEndpoint>()
            .Publish(new RestartVm(recovery, "gridce", Guid.NewGuid(), "alfa01", null, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddMinutes(5)));

        var restarted = await _results.Restarted.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal((recovery, "gridce", "alfa01"), (restarted.RecoveryId, restarted.VmName, restarted.HostName));
        Assert.Equal(["virsh domstate gridce", "virsh destroy gridce", "virsh start gridce", "virsh domstate gridce"], _lab[0].Calls());
        Assert.Equal("running", _lab[0].DomainState("gridce"));
        var queues = await _broker.QueueNamesAsync();
        Assert.All(["threerc-reboot-guest", "threerc-restart-vm", "threerc-fence-host", "threerc-returned-host"], queue => Assert.Contains(queue, queues));
    }

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
        public TaskCompletionSource<VmRestarted> Restarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public sealed class RestartResultConsumer(RestartResults results) : IConsumer<VmRestarted>, IConsumer<VmRestartFailed>
    {
        public Task Consume(ConsumeContext<VmRestarted> context)
        {
            results.Restarted.TrySetResult(context.Message);
            return Task.CompletedTask;
        }

        public Task Consume(ConsumeContext<VmRestartFailed> context)
        {
            results.Restarted.TrySetException(new InvalidOperationException($"the restart failed: {context.Message.Reason}"));
            return Task.CompletedTask;
        }
    }
}
