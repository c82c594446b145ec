using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using ThreeRC.Contracts.Monitoring;
using ThreeRC.Monitor.Tests.Support;
using static ThreeRC.Monitor.Tests.Support.GmondXml;

namespace ThreeRC.Monitor.Tests.Polling;

/// <summary>How one poll after another turns Ganglia's TN and TMAX into transitions, on a fake clock.</summary>
public sealed class DetectionTests : IAsyncDisposable
{
    private const string Gmond = "10.0.0.5:8649";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 4, 0, 0, TimeSpan.Zero));
    private readonly ScriptedReader _ganglia = new();
    private MonitorUnderTest? _monitor;

    [Fact]
    public async Task The_first_poll_sets_the_baseline_and_reports_only_the_hosts_already_down()
    {
        var monitor = await StartAsync();
        _ganglia.Answer(Gmond, Host("alfa01", 3), Host("alfa02", 3), Host("gridce", 473), Host("gridse", 2));

        await monitor.PollAsync();

        var down = Assert.Single(monitor.Published<HostUnresponsive>());
        Assert.Equal(new HostUnresponsive("gridce", HostKind.Virtual, "gridce", _clock.GetUtcNow().AddSeconds(-473), _clock.GetUtcNow(), Gmond,
            "TN 473 s > 4 x TMAX 20 s"), down);
        Assert.Empty(monitor.Published<HostResponsive>());
    }

    [Fact]
    public async Task When_a_host_stops_reporting_it_is_declared_unresponsive_once()
    {
        var monitor = await StartAsync();
        _ganglia.Answer(Gmond, Host("alfa01", 3), Host("alfa02", 3), Host("gridce", 1), Host("gridse", 2));
        await monitor.PollAsync();

        _clock.Advance(TimeSpan.FromSeconds(78));
        _ganglia.Answer(Gmond, Host("alfa01", 1), Host("alfa02", 81), Host("gridce", 1), Host("gridse", 2));
        await monitor.PollAsync();
        _clock.Advance(TimeSpan.FromSeconds(5));
        _ganglia.Answer(Gmond, Host("alfa01", 1), Host("alfa02", 86), Host("gridce", 1), Host("gridse", 2));
        await monitor.PollAsync();

        var down = Assert.Single(monitor.Published<HostUnresponsive>());
        Assert.Equal(("alfa02", HostKind.Physical, "TN 81 s > 4 x TMAX 20 s"), (down.Name, down.Kind, down.Reason));
        Assert.Equal(_clock.GetUtcNow().AddSeconds(-5 - 81), down.LastHeardAt);
    }

    [Fact]
    public async Task When_it_reports_again_it_is_declared_responsive()
    {
        var monitor = await StartAsync();
        _ganglia.Answer(Gmond, Host("alfa01", 3), Host("alfa02", 95), Host("gridce", 1), Host("gridse", 2));
        await monitor.PollAsync();

        _clock.Advance(TimeSpan.FromSeconds(5));
        _ganglia.Answer(Gmond, Host("alfa01", 3), Host("alfa02", 1), Host("gridce", 1), Host("gridse", 2));
        await monitor.PollAsync();
        await monitor.PollAsync();

        var back = Assert.Single(monitor.Published<HostResponsive>());
        Assert.Equal(new HostResponsive("alfa02", HostKind.Physical, "alfa02", _clock.GetUtcNow().AddSeconds(-1), _clock.GetUtcNow(), Gmond), back);
    }

    [Fact]
    public async Task The_absolute_limit_declares_a_host_as_soon_as_its_TN_reaches_it()
    {
        var monitor = await StartAsync("tmaxFactor: 4\nabsoluteLimit: 3s");
        _ganglia.Answer(Gmond, Host("alfa01", 2), Host("alfa02", 2), Host("gridce", 3), Host("gridse", 2));

        await monitor.PollAsync();

        var down = Assert.Single(monitor.Published<HostUnresponsive>());
        Assert.Equal(("gridce", "TN 3 s >= absolute limit 3 s"), (down.Name, down.Reason));
    }

    [Fact]
    public async Task The_freshest_report_of_two_sources_wins()
    {
        const string gmetad = "10.0.0.6:8651";
        var monitor = await StartAsync(sources: [Gmond, gmetad]);
        _ganglia.Answer(Gmond, Host("alfa01", 90), Host("alfa02", 95), Host("gridce", 1), Host("gridse", 2));
        _ganglia.Answer(gmetad, Host("alfa01", 2), Host("alfa02", 85), Host("gridce", 99), Host("gridse", 2));

        await monitor.PollAsync();

        var down = Assert.Single(monitor.Published<HostUnresponsive>());
        Assert.Equal(("alfa02", gmetad, "TN 85 s > 4 x TMAX 20 s"), (down.Name, down.Source, down.Reason));
    }

    [Fact]
    public async Task When_every_source_fails_no_host_changes_and_each_failure_is_announced_once()
    {
        const string gmetad = "10.0.0.6:8651";
        var monitor = await StartAsync(sources: [Gmond, gmetad]);
        _ganglia.Answer(Gmond, Host("alfa01", 3), Host("alfa02", 3), Host("gridce", 1), Host("gridse", 2));
        _ganglia.Answer(gmetad, Host("alfa01", 3), Host("alfa02", 3), Host("gridce", 1), Host("gridse", 2));
        await monitor.PollAsync();

        _ganglia.Fail(Gmond, "cannot be reached: connection refused");
        _ganglia.Fail(gmetad, "accepted no connection within 2 s (Monitor:ConnectTimeout)");
        for (var poll = 0; poll < 60; poll++)
        {
            _clock.Advance(TimeSpan.FromSeconds(5));
            await monitor.PollAsync();
        }

        Assert.Equal([Gmond, gmetad], monitor.Published<MonitorSourceUnavailable>().Select(message => message.Source).Order());
        Assert.Empty(monitor.Published<HostUnresponsive>());
        var health = await monitor.HealthAsync();
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded, health.Status);
        Assert.Contains($"Ganglia source {Gmond} cannot be reached: connection refused", health.Description);
        Assert.Contains("no source answers, so no host is judged", health.Description);
    }

    [Fact]
    public async Task A_source_that_answers_again_is_announced_restored_and_its_hosts_keep_their_status()
    {
        var monitor = await StartAsync();
        _ganglia.Answer(Gmond, Host("alfa01", 3), Host("alfa02", 3), Host("gridce", 1), Host("gridse", 2));
        await monitor.PollAsync();
        _ganglia.Fail(Gmond, "cannot be reached: connection refused");
        _clock.Advance(TimeSpan.FromSeconds(5));
        await monitor.PollAsync();

        _clock.Advance(TimeSpan.FromSeconds(5));
        _ganglia.Answer(Gmond, Host("alfa01", 0), Host("alfa02", 1), Host("gridce", 1), Host("gridse", 2));
        await monitor.PollAsync();

        Assert.Equal(Gmond, Assert.Single(monitor.Published<MonitorSourceRestored>()).Source);
        Assert.Empty(monitor.Published<HostUnresponsive>());
        Assert.Empty(monitor.Published<HostResponsive>());
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, (await monitor.HealthAsync()).Status);
    }

    [Fact]
    public async Task A_host_missing_from_every_report_is_declared_once_its_limit_has_passed()
    {
        const string gmetad = "10.0.0.6:8651";
        var monitor = await StartAsync(sources: [Gmond, gmetad]);
        _ganglia.Answer(Gmond, Host("alfa01", 3), Host("alfa02", 3), Host("gridce", 1));
        _ganglia.Answer(gmetad, Host("alfa01", 3), Host("alfa02", 3), Host("gridce", 1));
        await monitor.PollAsync();
        _clock.Advance(TimeSpan.FromSeconds(80));
        await monitor.PollAsync();
        Assert.Empty(monitor.Published<HostUnresponsive>());

        _clock.Advance(TimeSpan.FromSeconds(1));
        await monitor.PollAsync();

        var down = Assert.Single(monitor.Published<HostUnresponsive>());
        Assert.Equal(("gridse", (DateTimeOffset?)null, $"{Gmond}, {gmetad}", "missing from every report for 81 s (limit 80 s)"),
            (down.Name, down.LastHeardAt, down.Source, down.Reason));
    }

    [Fact]
    public async Task A_host_missing_while_a_source_fails_is_never_declared_for_it()
    {
        const string gmetad = "10.0.0.6:8651";
        var monitor = await StartAsync(sources: [Gmond, gmetad]);
        _ganglia.Answer(Gmond, Host("alfa01", 3), Host("alfa02", 3), Host("gridce", 1), Host("gridse", 2));
        _ganglia.Answer(gmetad, Host("alfa01", 3), Host("alfa02", 3), Host("gridce", 1));
        await monitor.PollAsync();

        _ganglia.Fail(Gmond, "cannot be reached: connection refused");
        for (var poll = 0; poll < 60; poll++)
        {
            _clock.Advance(TimeSpan.FromSeconds(5));
            await monitor.PollAsync();
        }

        Assert.Empty(monitor.Published<HostUnresponsive>());
    }

    [Fact]
    public async Task A_restarted_gmond_that_has_not_heard_a_host_yet_does_not_make_it_unresponsive()
    {
        var monitor = await StartAsync();
        _ganglia.Answer(Gmond, Host("alfa01", 3), Host("alfa02", 3), Host("gridce", 1), Host("gridse", 2));
        await monitor.PollAsync();
        _ganglia.Fail(Gmond, "cannot be reached: connection refused");
        _clock.Advance(TimeSpan.FromSeconds(60));
        await monitor.PollAsync();

        _ganglia.Answer(Gmond, Host("alfa01", 0));
        _clock.Advance(TimeSpan.FromSeconds(5));
        await monitor.PollAsync();
        _ganglia.Answer(Gmond, Host("alfa01", 0), Host("alfa02", 0), Host("gridce", 0), Host("gridse", 0));
        _clock.Advance(TimeSpan.FromSeconds(15));
        await monitor.PollAsync();

        Assert.Empty(monitor.Published<HostUnresponsive>());
        Assert.Empty(monitor.Published<HostResponsive>());
    }

    [Fact]
    public async Task The_probe_keeps_a_host_whose_SSH_port_answers_from_being_declared_until_the_port_is_silent_too()
    {
        using var ssh = new TcpListener(IPAddress.Loopback, 0);
        ssh.Start();
        var monitor = await StartAsync("confirmWithProbe: true\nprobeTimeout: 1s", sshPort: ((IPEndPoint)ssh.LocalEndpoint).Port);
        _ganglia.Answer(Gmond, Host("alfa01", 3), Host("alfa02", 3), Host("gridce", 1), Host("gridse", 2));
        await monitor.PollAsync();

        _ganglia.Answer(Gmond, Host("alfa01", 3), Host("alfa02", 90), Host("gridce", 1), Host("gridse", 2));
        await monitor.PollAsync();
        await monitor.PollAsync();
        Assert.Empty(monitor.Published<HostUnresponsive>());
        Assert.Single(monitor.Logs.GetSnapshot(), log => log.Level == LogLevel.Warning
            && log.Message == "Ganglia says alfa02 is silent (TN 90 s > 4 x TMAX 20 s), but its SSH port 127.0.0.1:" + ((IPEndPoint)ssh.LocalEndpoint).Port + " answers: not declared unresponsive");

        ssh.Stop();
        await monitor.PollAsync();

        Assert.Equal("alfa02", Assert.Single(monitor.Published<HostUnresponsive>()).Name);
    }

    [Fact]
    public async Task Load_is_reported_each_poll_for_the_physical_hosts_that_report_all_five_metrics()
    {
        var monitor = await StartAsync();
        _ganglia.Answer(Gmond,
            Host("alfa01", 3, metrics: Load(0.42, 0.37, 16, 65843012, 41234560)),
            Host("alfa02", 3, metrics: Metric("load_one", 2.5)),
            Host("gridce", 1, metrics: Load(1, 1, 2, 4096, 1024)),
            Host("gridse", 2));

        await monitor.PollAsync();
        _clock.Advance(TimeSpan.FromSeconds(5));
        await monitor.PollAsync();

        var reports = monitor.Published<HostLoadReported>();
        Assert.Equal(2, reports.Count);
        var load = Assert.Single(reports[^1].Hosts);
        Assert.Equal(new HostLoad("alfa01", 0.42, 0.37, 16, 65843012, 41234560, _clock.GetUtcNow().AddSeconds(-3)), load);
        Assert.Equal(_clock.GetUtcNow(), reports[^1].ReportedAt);
    }

    [Fact]
    public async Task Hosts_the_inventory_does_not_know_are_ignored_and_logged_once()
    {
        var monitor = await StartAsync();
        _ganglia.Answer(Gmond, Host("alfa01", 3), Host("alfa02", 3), Host("gridce", 1), Host("gridse", 2), Host("stranger", 999));

        await monitor.PollAsync();
        await monitor.PollAsync();

        Assert.Empty(monitor.Published<HostUnresponsive>());
        Assert.Single(monitor.Logs.GetSnapshot(), log => log.Message.Contains("stranger", StringComparison.Ordinal) && log.Message.Contains("ignored", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ganglia_host_names_match_the_inventory_whatever_their_case()
    {
        var monitor = await StartAsync();
        _ganglia.Answer(Gmond, Host("ALFA01", 3), Host("Alfa02", 3), Host("gridCE", 1), Host("gridse", 200));

        await monitor.PollAsync();

        Assert.Equal("gridse", Assert.Single(monitor.Published<HostUnresponsive>()).Name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_monitor is not null) await _monitor.DisposeAsync();
    }

    private async Task<MonitorUnderTest> StartAsync(string detection = "tmaxFactor: 4", string[]? sources = null, int sshPort = 22) =>
        _monitor = await MonitorUnderTest.StartAsync(TestInventory.Parse(detection, sshPort), sources ?? [Gmond], _clock, _ganglia);
}
