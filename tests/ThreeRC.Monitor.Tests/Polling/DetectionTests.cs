using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using ThreeRC.Contracts.Monitoring;
using ThreeRC.Monitor.Tests.Support;
using static ThreeRC.Monitor.Tests.Support.GmondXml;

namespace ThreeRC.Monitor.Tests.Polling;

/// <summary>How one poll after another turns Ganglia's TN and TMAX into transitions, on a fake clock.</summary>
public sealed class DetectionTests : PollingScenario
{
    [Fact]
    public async Task The_first_poll_after_a_start_announces_every_host_once_as_it_finds_it()
    {
        var monitor = await StartAsync();
        Ganglia.Answer(Gmond, Hosts(gridce: 473));

        await monitor.PollAsync();
        await PollAfterAsync(TimeSpan.FromSeconds(5), Hosts(gridce: 478));

        var down = Assert.Single(monitor.Published<HostUnresponsive>());
        Assert.Equal(new HostUnresponsive("gridce", HostKind.Virtual, "gridce", Clock.GetUtcNow().AddSeconds(-478), Clock.GetUtcNow().AddSeconds(-5), Gmond,
            "TN 473 s > 4 x TMAX 20 s"), down with { QuietPhysicalHosts = [] });
        Assert.Empty(down.QuietPhysicalHosts);
        // What it said before it stopped is unknown: an incident opened meanwhile must hear that its VM is back.
        Assert.Equal(["alfa01", "alfa02", "gridse"], monitor.Published<HostResponsive>().Select(up => up.Name).Order());
    }

    [Fact]
    public async Task What_was_announced_of_every_host_is_reported_again_every_state_report_interval_and_not_between()
    {
        var monitor = await StartAsync();
        Ganglia.Answer(Gmond, Hosts(gridce: 473));
        await monitor.PollAsync();
        var firstPollAt = Clock.GetUtcNow();

        await PollAfterAsync(TimeSpan.FromSeconds(5), Hosts(gridce: 478));
        await PollAfterAsync(TimeSpan.FromSeconds(25), Hosts(gridce: 503));

        var reports = monitor.Published<HostStatesReported>();
        Assert.Equal([firstPollAt, firstPollAt.AddSeconds(30)], reports.Select(report => report.ReportedAt));
        var gridce = reports[^1].Hosts.Single(host => host.Name == "gridce");
        Assert.Equal((false, firstPollAt), (gridce.Responsive, gridce.Since));
        var alfa01 = reports[^1].Hosts.Single(host => host.Name == "alfa01");
        Assert.Equal((true, firstPollAt, HostKind.Physical, Gmond), (alfa01.Responsive, alfa01.Since, alfa01.Kind, alfa01.Source));
    }

    [Fact]
    public async Task When_a_host_stops_reporting_it_is_declared_unresponsive_once()
    {
        var monitor = await StartWithEveryHostFreshAsync();

        await PollAfterAsync(TimeSpan.FromSeconds(78), Hosts(alfa01: 1, alfa02: 81));
        await PollAfterAsync(TimeSpan.FromSeconds(5), Hosts(alfa01: 1, alfa02: 86));

        var down = Assert.Single(monitor.Published<HostUnresponsive>());
        Assert.Equal(("alfa02", HostKind.Physical, "TN 81 s > 4 x TMAX 20 s"), (down.Name, down.Kind, down.Reason));
        Assert.Equal(Clock.GetUtcNow().AddSeconds(-5 - 81), down.LastHeardAt);
    }

    [Fact]
    public async Task When_it_reports_again_it_is_declared_responsive()
    {
        var monitor = await StartAsync();
        Ganglia.Answer(Gmond, Hosts(alfa02: 95));
        await monitor.PollAsync();
        monitor.ForgetPublished();

        await PollAfterAsync(TimeSpan.FromSeconds(5), Hosts(alfa02: 1));
        await monitor.PollAsync();

        var back = Assert.Single(monitor.Published<HostResponsive>());
        Assert.Equal(new HostResponsive("alfa02", HostKind.Physical, "alfa02", Clock.GetUtcNow().AddSeconds(-1), Clock.GetUtcNow(), Gmond), back);
    }

    [Fact]
    public async Task A_vm_recovered_before_it_was_found_silent_is_announced_at_its_first_heartbeat_after_its_incident_began()
    {
        var monitor = await StartWithEveryHostFreshAsync();
        monitor.Hosts.IncidentStarted("gridce", Clock.GetUtcNow());

        await PollAfterAsync(TimeSpan.FromSeconds(1), Hosts(gridce: 3));
        var beforeItsNextHeartbeat = monitor.Published<HostResponsive>().Count;
        await PollAfterAsync(TimeSpan.FromSeconds(2), Hosts(gridce: 0));
        await PollAfterAsync(TimeSpan.FromSeconds(2), Hosts(gridce: 0));

        Assert.Equal(0, beforeItsNextHeartbeat);
        var back = Assert.Single(monitor.Published<HostResponsive>());
        Assert.Equal(("gridce", Clock.GetUtcNow().AddSeconds(-2)), (back.Name, back.LastHeardAt));
        Assert.Empty(monitor.Published<HostUnresponsive>());
    }

    [Fact]
    public async Task The_absolute_limit_declares_a_host_as_soon_as_its_TN_reaches_it()
    {
        var monitor = await StartAsync("tmaxFactor: 4\nabsoluteLimit: 3s");
        Ganglia.Answer(Gmond, Hosts(alfa01: 2, alfa02: 2, gridce: 3));

        await monitor.PollAsync();

        var down = Assert.Single(monitor.Published<HostUnresponsive>());
        Assert.Equal(("gridce", "TN 3 s >= absolute limit 3 s"), (down.Name, down.Reason));
    }

    [Fact]
    public async Task The_freshest_report_of_two_sources_wins()
    {
        var monitor = await StartAsync(sources: [Gmond, Gmetad]);
        Ganglia.Answer(Gmond, Hosts(alfa01: 90, alfa02: 95));
        Ganglia.Answer(Gmetad, Hosts(alfa01: 2, alfa02: 85, gridce: 99));

        await monitor.PollAsync();

        var down = Assert.Single(monitor.Published<HostUnresponsive>());
        Assert.Equal(("alfa02", Gmetad, "TN 85 s > 4 x TMAX 20 s"), (down.Name, down.Source, down.Reason));
    }

    [Fact]
    public async Task The_probe_keeps_a_host_whose_SSH_port_answers_from_being_declared_until_the_port_is_silent_too()
    {
        using var ssh = new TcpListener(IPAddress.Loopback, 0);
        ssh.Start();
        var monitor = await StartAsync("confirmWithProbe: true\nprobeTimeout: 1s", sshPort: ((IPEndPoint)ssh.LocalEndpoint).Port);
        Ganglia.Answer(Gmond, Hosts());
        await monitor.PollAsync();

        Ganglia.Answer(Gmond, Hosts(alfa02: 90));
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
    public async Task The_probe_does_not_hold_back_a_silent_VM_whose_SSH_port_answers_since_a_guest_reboot_is_for_it()
    {
        using var ssh = new TcpListener(IPAddress.Loopback, 0);
        ssh.Start();
        var monitor = await StartAsync("confirmWithProbe: true\nprobeTimeout: 1s", sshPort: ((IPEndPoint)ssh.LocalEndpoint).Port);
        Ganglia.Answer(Gmond, Hosts());
        await monitor.PollAsync();

        Ganglia.Answer(Gmond, Hosts(gridce: 90));
        await monitor.PollAsync();

        Assert.Equal("gridce", Assert.Single(monitor.Published<HostUnresponsive>()).Name);
    }

    [Fact]
    public async Task Load_is_reported_each_poll_for_the_physical_hosts_that_report_all_five_metrics()
    {
        var monitor = await StartAsync();
        Ganglia.Answer(Gmond,
            Host("alfa01", 3, metrics: Load(0.42, 0.37, 16, 65843012, 41234560)),
            Host("alfa02", 3, metrics: Metric("load_one", 2.5)),
            Host("gridce", 1, metrics: Load(1, 1, 2, 4096, 1024)),
            Host("gridse", 2));

        await monitor.PollAsync();
        Clock.Advance(TimeSpan.FromSeconds(5));
        await monitor.PollAsync();

        var reports = monitor.Published<HostLoadReported>();
        Assert.Equal(2, reports.Count);
        var load = Assert.Single(reports[^1].Hosts);
        Assert.Equal(new HostLoad("alfa01", 0.42, 0.37, 16, 65843012, 41234560, Clock.GetUtcNow().AddSeconds(-3)), load);
        Assert.Equal(Clock.GetUtcNow(), reports[^1].ReportedAt);
    }

    [Fact]
    public async Task Hosts_the_inventory_does_not_know_are_ignored_and_logged_once()
    {
        var monitor = await StartAsync();
        Ganglia.Answer(Gmond, [.. Hosts(), Host("stranger", 999)]);

        await monitor.PollAsync();
        await monitor.PollAsync();

        Assert.Empty(monitor.Published<HostUnresponsive>());
        Assert.Single(monitor.Logs.GetSnapshot(), log => log.Message.Contains("stranger", StringComparison.Ordinal) && log.Message.Contains("ignored", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ganglia_host_names_match_the_inventory_whatever_their_case()
    {
        var monitor = await StartAsync();
        Ganglia.Answer(Gmond, Host("ALFA01", 3), Host("Alfa02", 3), Host("gridCE", 1), Host("gridse", 200));

        await monitor.PollAsync();

        Assert.Equal("gridse", Assert.Single(monitor.Published<HostUnresponsive>()).Name);
    }
}
