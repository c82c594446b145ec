using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ThreeRC.Contracts.Monitoring;
using ThreeRC.Monitor.Sources;
using ThreeRC.Monitor.Tests.Support;
using ThreeRC.Testing;

namespace ThreeRC.Monitor.Tests.Integration;

/// <summary>The monitor module in a host of its own, on the in-memory bus, polling a real gmond that hears emulated hosts.</summary>
public sealed class GmondDetectionTests : IAsyncLifetime
{
    private Lab _lab = null!;

    public async Task InitializeAsync() => _lab = await Lab.StartAsync();

    public async Task DisposeAsync() => await _lab.DisposeAsync();

    [Fact]
    public async Task When_a_host_stops_heartbeating_only_it_is_declared_unresponsive_and_it_comes_back_when_it_resumes()
    {
        await using var monitor = await _lab.StartMonitorAsync();
        await BaselineAsync(monitor);

        var alfa02 = _lab.Hosts["alfa02"];
        await alfa02.StopAsync();
        var (down, declaredAt) = await monitor.Messages.WaitForAsync<HostUnresponsive>(message => message.Name == "alfa02", TimeSpan.FromSeconds(20), "alfa02 unresponsive");

        // gmond heard the last round between its start and its return: counted from the start the silence is at
        // least the limit; counted from the return it is at most the limit, a poll and a second of slack.
        Assert.InRange(declaredAt - alfa02.LastRoundStartedAt!.Value, Lab.Limit - TimeSpan.FromMilliseconds(250), TimeSpan.MaxValue);
        Assert.InRange(declaredAt - alfa02.LastReportAt!.Value, TimeSpan.Zero, Lab.Limit + Lab.PollInterval + TimeSpan.FromSeconds(1));
        Assert.Equal(("alfa02", HostKind.Physical, "alfa02", _lab.Gmond.Source), (down.Name, down.Kind, down.GangliaHost, down.Source));
        Assert.Matches("^TN [3-9] s >= absolute limit 3 s$", down.Reason);
        Assert.InRange(down.LastHeardAt!.Value, alfa02.LastReportAt.Value.AddSeconds(-2), alfa02.LastReportAt.Value.AddSeconds(1));

        await alfa02.StartAsync();
        var (back, _) = await monitor.Messages.WaitForAsync<HostResponsive>(message => message.Name == "alfa02", TimeSpan.FromSeconds(20), "alfa02 responsive");
        Assert.Equal(_lab.Gmond.Source, back.Source);
        Assert.Equal(["alfa02"], monitor.Messages.Of<HostUnresponsive>().Select(message => message.Name));
    }

    [Fact]
    public async Task When_gmond_dies_the_source_is_unavailable_health_is_degraded_and_no_host_is_declared_down()
    {
        await using var monitor = await _lab.StartMonitorAsync();
        await BaselineAsync(monitor);

        await _lab.Gmond.KillAsync();
        var killedAt = DateTimeOffset.UtcNow;
        var (unavailable, _) = await monitor.Messages.WaitForAsync<MonitorSourceUnavailable>(_ => true, TimeSpan.FromSeconds(10), "the source unavailable");
        // Killed in the middle of a read, gmond breaks that connection; after that it refuses them.
        Assert.Equal(_lab.Gmond.Source, unavailable.Source);
        Assert.Matches("^(cannot be reached: connection refused|broke the connection after [0-9]+ bytes: .+)$", unavailable.Reason);
        var health = await Eventually.Until(
            () => monitor.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(),
            report => report.Entries["ganglia"].Description!.Contains("connection refused", StringComparison.Ordinal),
            TimeSpan.FromSeconds(10),
            "the health check naming the refused connection");
        Assert.Equal(HealthStatus.Unhealthy, health.Entries["ganglia"].Status);
        Assert.Contains($"Ganglia source {_lab.Gmond.Source} cannot be reached: connection refused", health.Entries["ganglia"].Description);
        await PolledSinceAsync(monitor, killedAt + Lab.Limit + TimeSpan.FromSeconds(2));
        Assert.Empty(monitor.Messages.Of<HostUnresponsive>());

        // A restarted gmond forgets every host until its next heartbeat: that is no reason to declare one down either.
        await _lab.Gmond.StartAsync();
        var (restored, restoredAt) = await monitor.Messages.WaitForAsync<MonitorSourceRestored>(_ => true, TimeSpan.FromSeconds(10), "the source restored");
        Assert.Equal(_lab.Gmond.Source, restored.Source);
        await PolledSinceAsync(monitor, restoredAt + Lab.Limit + TimeSpan.FromSeconds(2));
        Assert.Empty(monitor.Messages.Of<HostUnresponsive>());
        Assert.Single(monitor.Messages.Of<MonitorSourceUnavailable>());
    }

    [Fact]
    public async Task Each_poll_reports_the_load_of_the_physical_hosts_that_send_it()
    {
        await using var monitor = await _lab.StartMonitorAsync();

        var (report, _) = await monitor.Messages.WaitForAsync<HostLoadReported>(_ => true, TimeSpan.FromSeconds(20), "a load report");

        var load = Assert.Single(report.Hosts);
        Assert.Equal(("alfa01", 0.42, 0.37, 16, 65843012L, 41234560L),
            (load.HostName, load.LoadOne, load.LoadFive, load.CpuCount, load.MemoryTotalKb, load.MemoryFreeKb));
    }

    /// <summary>Every host has been seen reporting, so the first poll's baseline is set.</summary>
    private static Task BaselineAsync(ModuleHost monitor) =>
        monitor.Messages.WaitForAsync<HostLoadReported>(_ => true, TimeSpan.FromSeconds(20), "the first load report");

    /// <summary>Waits for a poll that ended after <paramref name="moment"/>: by then, any host it would declare down has been declared.</summary>
    private static Task PolledSinceAsync(ModuleHost monitor, DateTimeOffset moment) =>
        Eventually.Until(
            () => monitor.Services.GetRequiredService<SourceBoard>().LastReports.All(report => report.ReceivedAt > moment),
            moment - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(10),
            $"a poll after {moment:HH:mm:ss.fff}");
}
