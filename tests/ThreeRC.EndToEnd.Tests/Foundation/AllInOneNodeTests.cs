using ThreeRC.Testing;
using ThreeRC.Testing.Ganglia;

namespace ThreeRC.EndToEnd.Tests.Foundation;

/// <summary>The all-in-one node: every module in one process on the in-memory bus and SQLite files.</summary>
public sealed class AllInOneNodeTests : IDisposable
{
    private readonly TempDirectory _data = new("node");

    /// <summary>The README's first command, shortened: the lab recovers what it crashes and writes its summary.</summary>
    [Fact]
    public async Task The_lab_answers_healthy_recovers_its_crashes_and_writes_the_summary_and_histograms()
    {
        var (port, grpcPort) = (FreePort.Next(), FreePort.Next());
        await using var lab = ServiceProcess.StartService("ThreeRC.Lab", new Dictionary<string, string?>(),
        [
            "--hosts", "3", "--vms-per-host", "2", "--duration", "00:01:00", "--crash-every", "00:00:06",
            "--kinds", "GuestCrash", "GuestHang", "--seed", "7",
            "--output", _data.Path, "--port", $"{port}", "--grpc-port", $"{grpcPort}",
        ]);

        await lab.WaitForHealthAsync($"http://127.0.0.1:{port}/health");
        var exitCode = await lab.WaitForExitAsync(TimeSpan.FromMinutes(3));

        Assert.True(exitCode == 0, $"the lab exited with {exitCode}:\n{lab.Output}");
        var summary = await File.ReadAllTextAsync(Path.Combine(_data.Path, "summary.txt"));
        Assert.Contains("VMs started while still running elsewhere: 0", summary);
        Assert.Matches(@"GuestCrash\s+[1-9]\d*\s+[1-9]\d*\s", summary);
        Assert.StartsWith("<svg", (await File.ReadAllTextAsync(Path.Combine(_data.Path, "recovery-times.svg"))).TrimStart());
    }

    /// <summary>The node as an operator runs it: the sample inventory, watching a real gmond; each module rehearses its part first.</summary>
    [Fact]
    public async Task The_node_starts_with_the_sample_inventory_and_a_real_gmond_rehearses_every_module_and_answers_ready()
    {
        await using var gmond = new GmondProcess();
        await gmond.StartAsync();
        var (port, grpcPort) = (FreePort.Next(), FreePort.Next());
        await using var node = ServiceProcess.StartService("ThreeRC.Node", new Dictionary<string, string?>(TestStorage.Environment(_data.Path))
        {
            ["Urls"] = $"http://127.0.0.1:{port};http://127.0.0.1:{grpcPort}",
            ["Api__GrpcPort"] = $"{grpcPort}",
            ["Monitor__Sources__0"] = gmond.Source,
        });

        var health = await node.WaitForHealthAsync($"http://127.0.0.1:{port}/health", ["Healthy", "Degraded"]);

        HealthReports.AssertHealthyBut(health, "ssh-logins");
        Assert.Contains(health.GetProperty("checks").EnumerateArray(), check => check.GetProperty("name").GetString() == "ganglia");
        Assert.All(["MonitorRehearsal", "OrchestratorRehearsal", "PlacementRehearsal", "ExecutorRehearsal"],
            rehearsal => Assert.Contains($"{rehearsal} played in", node.Output));
    }

    public void Dispose() => _data.Dispose();
}
