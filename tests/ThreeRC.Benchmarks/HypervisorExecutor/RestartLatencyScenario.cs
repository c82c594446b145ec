using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ThreeRC.Contracts.Hypervisor;
using ThreeRC.HypervisorExecutor.Execution;
using ThreeRC.HypervisorExecutor.Extensions;
using ThreeRC.Inventory.Loading;
using ThreeRC.ServiceDefaults;
using ThreeRC.Testing;

namespace ThreeRC.Benchmarks.HypervisorExecutor;

/// <summary>
/// Restarts VMs through the libvirt driver on a real sshd (the virsh look-alike behind it): the first restart, which
/// opens the connection, then restarts over the reused connection one at a time, then many VMs of one host at once.
/// </summary>
public sealed class RestartLatencyScenario : IScenario
{
    public string Name => "executor-restart-latency";

    public string Description => "RestartVm over real sshd: first (connect), reused connection, and N VMs of one host at once [rounds=30 vms=12]";

    public async Task RunAsync(string[] arguments, TextWriter output)
    {
        var rounds = arguments.Length > 0 ? int.Parse(arguments[0]) : 30;
        var vms = arguments.Length > 1 ? int.Parse(arguments[1]) : 12;
        using var folder = new TempDirectory("executor-bench");
        var key = await SshKeyPair.CreateAsync(folder.Path, "id_ed25519");
        await using var host = await SimulatedHost.StartAsync(key);
        var names = Enumerable.Range(1, vms).Select(i => $"vm{i:00}").ToList();
        foreach (var name in names) host.SetDomain(name, "running");
        using var executor = Build(folder, key, host, names);
        var service = executor.Services.GetRequiredService<IVmRestarter>();

        var first = await TimeAsync(() => Restart(service, names[0]));
        var reused = new List<double>();
        for (var i = 0; i < rounds; i++) reused.Add(await TimeAsync(() => Restart(service, names[0])));
        var all = Stopwatch.StartNew();
        await Task.WhenAll(names.Select(name => Restart(service, name)));
        all.Stop();

        reused.Sort();
        await output.WriteLineAsync($"first restart (connects, 4 commands): {first:0} ms");
        await output.WriteLineAsync($"restart over the reused connection (4 commands), {rounds} rounds: median {reused[rounds / 2]:0} ms, p95 {reused[(int)(rounds * 0.95)]:0} ms, max {reused[^1]:0} ms");
        await output.WriteLineAsync($"{vms} VMs of one host at once (MaxConcurrencyPerHost 4): {all.Elapsed.TotalMilliseconds:0} ms in all");
    }

    private static async Task Restart(IVmRestarter service, string vm)
    {
        var outcome = await service.RestartVmAsync(new RestartVm(Guid.NewGuid(), vm, Guid.NewGuid(), "alfa01", null, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddMinutes(5)), CancellationToken.None);
        if (!outcome.Succeeded) throw new InvalidOperationException($"restart of {vm} failed: {outcome.Reason}");
    }

    private static async Task<double> TimeAsync(Func<Task> action)
    {
        var clock = Stopwatch.StartNew();
        await action();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static IHost Build(TempDirectory folder, SshKeyPair key, SimulatedHost host, IEnumerable<string> vms)
    {
        var definitions = vms.Select((name, i) => $"""
              - name: {name}
                mac: "52:54:00:00:01:{i + 1:x2}"
                address: 127.0.0.1
                home: alfa01
                memoryMb: 512
                definition: /srv/vm/{name}.xml
                reinstall: false

            """);
        var inventory = $"""
            hosts:
              - name: alfa01
                address: 127.0.0.1
                ssh:
                  user: {host.Ssh.User}
                  port: {host.Ssh.Port}
                driver: libvirt
                cpus: 16
                memoryMb: 65536
                loadThreshold: 12
                maxVms: 40
            vms:
            {string.Concat(definitions)}
            """;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Executor:Ssh:KnownHostsFile"] = folder.Write("known_hosts", host.Ssh.KnownHostsLine + "\n"),
            ["Executor:Ssh:DefaultKeyFile"] = key.PrivateKeyFile,
        });
        builder.Services.AddLogging();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(InventoryLoader.Parse(inventory, "bench-inventory.yaml"));
        new ServiceModules(builder).AddHypervisorExecutor();
        return builder.Build();
    }
}
