using System.Text;
using System.Text.Json;
using ThreeRC.Testing;
using ThreeRC.Testing.Ganglia;

namespace ThreeRC.EndToEnd.Tests.Foundation;

/// <summary>Each service host started alone, as its own process, on a real RabbitMQ (the monitor watching a real gmond).</summary>
public sealed class ServiceHostTests(RabbitMqBroker broker) : IClassFixture<RabbitMqBroker>, IAsyncLifetime
{
    private readonly TempDirectory _data = new("service-host");
    private readonly GmondProcess _gmond = new();

    /// <summary>The queues each service declares for its consumers, and the rehearsal it plays before the first incident.</summary>
    public static TheoryData<string, string[], string?> Services => new()
    {
        { "ThreeRC.Monitor", ["threerc-recovery-started"], "MonitorRehearsal" },
        { "ThreeRC.Orchestrator", ["threerc-recovery-state", "threerc-physical-host-lost", "threerc-physical-host-returned", "threerc-maintenance-changed", "threerc-resume-fencing"], "OrchestratorRehearsal" },
        { "ThreeRC.Placement", ["threerc-placement-place-vm", "threerc-placement-get-vms-on-host", "threerc-placement-where-is-vm", "threerc-placement-host-load-reported"], "PlacementRehearsal" },
        { "ThreeRC.HypervisorExecutor", ["threerc-reboot-guest", "threerc-restart-vm", "threerc-fence-host", "threerc-returned-host"], "ExecutorRehearsal" },
        { "ThreeRC.PxeProvisioner", ["threerc-prepare-reinstall", "threerc-pxe-recovery-completed"], null },
        { "ThreeRC.Api", ["threerc-api-events"], null },
    };

    [Theory]
    [MemberData(nameof(Services))]
    public async Task A_service_alone_on_RabbitMQ_rehearses_connects_declares_its_queues_and_answers_ready(string service, string[] queues, string? rehearsal)
    {
        var port = FreePort.Next();
        await using var host = ServiceProcess.StartService(service, Environment(port));

        var health = await host.WaitForHealthAsync($"http://127.0.0.1:{port}/health", ["Healthy", "Degraded"]);

        HealthReports.AssertHealthyBut(health, "ssh-logins");
        Assert.Contains(health.GetProperty("checks").EnumerateArray(),
            check => check.GetProperty("name").GetString()!.Contains("masstransit", StringComparison.Ordinal)
                && check.GetProperty("status").GetString() == "Healthy");
        var declared = await broker.QueueNamesAsync();
        Assert.All(queues, queue => Assert.Contains(queue, declared));
        if (rehearsal is not null) Assert.Contains($"{rehearsal} played in", host.Output);
        Assert.Contains("The bus carried an echo to itself in", host.Output);
        Assert.DoesNotContain("Rehearsal stopped after", host.Output);
        Assert.All(Directory.EnumerateFiles(_data.Path, "*", SearchOption.AllDirectories),
            file => Assert.DoesNotContain("rehearsal-vm", File.ReadAllText(file, Encoding.Latin1)));
    }

    [Theory]
    [InlineData("ThreeRC.Placement")]
    [InlineData("ThreeRC.Orchestrator")]
    [InlineData("ThreeRC.Node")]
    public async Task A_service_with_an_invalid_inventory_stops_before_it_starts_and_says_where(string service)
    {
        var inventory = _data.Write("bad.yaml", File.ReadAllText(RepositoryRoot.Combine("infra", "inventory.sample.yaml"))
            .Replace("    mac: \"52:54:00:00:01:02\"\n", ""));
        var port = FreePort.Next();
        var environment = new Dictionary<string, string?>(Environment(port)) { ["Inventory__Path"] = inventory };
        await using var host = ServiceProcess.StartService(service, environment);

        var exitCode = await host.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.True(exitCode == 1, host.Output);
        Assert.Contains($"{service} did not start: its configuration is invalid.", host.Output);
        Assert.DoesNotContain("Unhandled exception", host.Output);
        Assert.DoesNotContain("Hosting failed to start", host.Output);
        Assert.DoesNotContain("   at ", host.Output);
        Assert.Matches($@"{Regex(inventory)}:\d+: vms\[gridse\]\.mac: missing \(required\)", host.Output);
        Assert.DoesNotContain(await broker.QueuesAsync(), queue => queue.Name.Contains("place-vm", StringComparison.Ordinal) && queue.Consumers > 0);
    }

    public Task InitializeAsync() => _gmond.StartAsync();

    public async Task DisposeAsync()
    {
        await _gmond.DisposeAsync();
        _data.Dispose();
    }

    private Dictionary<string, string?> Environment(int port) => new(broker.BusEnvironment.Concat(TestStorage.Environment(_data.Path)))
    {
        ["Urls"] = $"http://127.0.0.1:{port}",
        ["Inventory__Path"] = RepositoryRoot.Combine("infra", "inventory.sample.yaml"),
        ["Monitor__Sources__0"] = _gmond.Source,
    };

    private static string Regex(string text) => System.Text.RegularExpressions.Regex.Escape(text);
}
