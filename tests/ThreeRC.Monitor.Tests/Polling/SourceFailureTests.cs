using Microsoft.Extensions.Diagnostics.HealthChecks;
using ThreeRC.Contracts.Monitoring;
using ThreeRC.Monitor.Tests.Support;
using static ThreeRC.Monitor.Tests.Support.GmondXml;

namespace ThreeRC.Monitor.Tests.Polling;

/// <summary>Sources that fail, come back, or forget hosts: the monitor's own trouble is never a host's crash.</summary>
public sealed class SourceFailureTests : PollingScenario
{
    [Fact]
    public async Task When_every_source_fails_no_host_changes_and_each_failure_is_announced_once()
    {
        var monitor = await StartAsync(sources: [Gmond, Gmetad]);
        Ganglia.Answer(Gmond, Hosts());
        Ganglia.Answer(Gmetad, Hosts());
        await monitor.PollAsync();

        Ganglia.Fail(Gmond, "cannot be reached: connection refused");
        Ganglia.Fail(Gmetad, "accepted no connection within 2 s (Monitor:ConnectTimeout)");
        for (var poll = 0; poll < 60; poll++)
        {
            Clock.Advance(TimeSpan.FromSeconds(5));
            await monitor.PollAsync();
        }

        Assert.Equal([Gmond, Gmetad], monitor.Published<MonitorSourceUnavailable>().Select(message => message.Source).Order());
        Assert.Empty(monitor.Published<HostUnresponsive>());
        var health = await monitor.HealthAsync();
        Assert.Equal(HealthStatus.Unhealthy, health.Status);
        Assert.Contains($"Ganglia source {Gmond} cannot be reached: connection refused", health.Description);
        Assert.Contains("no source answers, so no host is judged", health.Description);
    }

    [Fact]
    public async Task A_source_that_answers_again_is_announced_restored_and_its_hosts_keep_their_status()
    {
        var monitor = await StartWithEveryHostFreshAsync();
        await PollRefusedAfterAsync(TimeSpan.FromSeconds(5));

        await PollAfterAsync(TimeSpan.FromSeconds(5), Hosts(alfa01: 0, alfa02: 1));

        Assert.Equal(Gmond, Assert.Single(monitor.Published<MonitorSourceRestored>()).Source);
        Assert.Empty(monitor.Published<HostUnresponsive>());
        Assert.Empty(monitor.Published<HostResponsive>());
        Assert.Equal(HealthStatus.Healthy, (await monitor.HealthAsync()).Status);
    }

    [Fact]
    public async Task A_host_missing_from_every_report_is_declared_once_its_limit_has_passed()
    {
        var monitor = await StartAsync(sources: [Gmond, Gmetad]);
        Ganglia.Answer(Gmond, Hosts()[..^1]);
        Ganglia.Answer(Gmetad, Hosts()[..^1]);
        await monitor.PollAsync();
        Clock.Advance(TimeSpan.FromSeconds(80));
        await monitor.PollAsync();
        Assert.Empty(monitor.Published<HostUnresponsive>());

        Clock.Advance(TimeSpan.FromSeconds(1));
        await monitor.PollAsync();

        var down = Assert.Single(monitor.Published<HostUnresponsive>());
        Assert.Equal(("gridse", (DateTimeOffset?)null, $"{Gmond}, {Gmetad}", "missing from every report for 81 s (limit 80 s)"),
            (down.Name, down.LastHeardAt, down.Source, down.Reason));
    }

    [Fact]
    public async Task A_host_missing_while_a_source_fails_is_never_declared_for_it()
    {
        var monitor = await StartAsync(sources: [Gmond, Gmetad]);
        Ganglia.Answer(Gmond, Hosts());
        Ganglia.Answer(Gmetad, Hosts()[..^1]);
        await monitor.PollAsync();

        Ganglia.Fail(Gmond, "cannot be reached: connection refused");
        for (var poll = 0; poll < 60; poll++)
        {
            Clock.Advance(TimeSpan.FromSeconds(5));
            await monitor.PollAsync();
        }

        Assert.Empty(monitor.Published<HostUnresponsive>());
    }

    [Fact]
    public async Task A_restarted_gmond_that_has_not_heard_a_host_yet_does_not_make_it_unresponsive()
    {
        var monitor = await StartWithEveryHostFreshAsync();
        await PollRefusedAfterAsync(TimeSpan.FromSeconds(60));

        await PollAfterAsync(TimeSpan.FromSeconds(5), Host("alfa01", 0));
        await PollAfterAsync(TimeSpan.FromSeconds(15), Hosts(alfa01: 0, alfa02: 0, gridce: 0, gridse: 0));

        Assert.Empty(monitor.Published<HostUnresponsive>());
        Assert.Empty(monitor.Published<HostResponsive>());
    }
}
