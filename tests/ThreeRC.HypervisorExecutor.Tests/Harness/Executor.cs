using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ThreeRC.Contracts.Hypervisor;
using ThreeRC.HypervisorExecutor.Execution;
using ThreeRC.HypervisorExecutor.Extensions;
using ThreeRC.HypervisorExecutor.Ipmi;
using ThreeRC.HypervisorExecutor.Options;
using ThreeRC.HypervisorExecutor.Ssh;
using ThreeRC.Inventory.Loading;
using ThreeRC.Inventory.Model;
using ThreeRC.ServiceDefaults;

namespace ThreeRC.HypervisorExecutor.Tests.Harness;

/// <summary>The executor module composed as a host composes it, over an inventory and configuration of the test's own.</summary>
internal sealed class Executor : IDisposable
{
    private readonly IHost _host;

    private Executor(IHost host) => _host = host;

    public LoginCheck LoginCheck => _host.Services.GetRequiredService<LoginCheck>();

    public BmcCheck BmcCheck => _host.Services.GetRequiredService<BmcCheck>();

    public PhysicalHost PhysicalHost(string name) => _host.Services.GetRequiredService<ClusterInventory>().FindHost(name)!;

    public VirtualMachine VirtualMachine(string name) => _host.Services.GetRequiredService<ClusterInventory>().FindVm(name)!;

    public IOptions<ExecutorOptions> Options => _host.Services.GetRequiredService<IOptions<ExecutorOptions>>();

    public static Executor Create(string inventoryYaml, IReadOnlyDictionary<string, string?> configuration) =>
        Create(InventoryLoader.Parse(inventoryYaml, "test-inventory.yaml"), configuration);

    public static Executor Create(ClusterInventory inventory, IReadOnlyDictionary<string, string?> configuration)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Services.AddLogging();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(inventory);
        new ServiceModules(builder).AddHypervisorExecutor();
        return new Executor(builder.Build());
    }

    public Task<ActionOutcome> RestartAsync(string vm, string host, string? previousHost = null) =>
        _host.Services.GetRequiredService<IVmRestarter>().RestartVmAsync(new RestartVm(Guid.NewGuid(), vm, Guid.NewGuid(), host, previousHost, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddMinutes(5)), CancellationToken.None);

    public Task<ActionOutcome> FenceAsync(string vm, string host, FenceMethod method) =>
        _host.Services.GetRequiredService<IHostFencer>().FenceHostAsync(new FenceHost(Guid.NewGuid(), vm, Guid.NewGuid(), host, method, 1, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddMinutes(5)), CancellationToken.None);

    public Task<ActionOutcome> RebootAsync(string vm) =>
        _host.Services.GetRequiredService<IGuestRebooter>().RebootGuestAsync(new RebootGuest(Guid.NewGuid(), vm, Guid.NewGuid(), DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddMinutes(5)), CancellationToken.None);

    public void Dispose() => _host.Dispose();
}
