using ThreeRC.Contracts.Monitoring;
using ThreeRC.Monitor.Tests.Support;
using static ThreeRC.Monitor.Tests.Support.GmondXml;

namespace ThreeRC.Monitor.Tests.Polling;

/// <summary>
/// Which physical hosts a HostUnresponsive names as quiet: those unheard, at the same poll, for at least half their
/// limit (4 x TMAX 20 s = 80 s here, so 40 s), so that the orchestrator can tell a lost network from lost hosts.
/// </summary>
public sealed class QuietHostsTests : PollingScenario
{
    [Theory]
    [InlineData(39, new[] { "alfa02" })]
    [InlineData(40, new[] { "alfa01", "alfa02" })]
    public async Task A_physical_host_declared_down_names_every_physical_host_unheard_for_half_its_limit_itself_included(int alfa01, string[] expected)
    {
        var monitor = await StartWithEveryHostFreshAsync();

        await PollAfterAsync(TimeSpan.FromSeconds(81), Hosts(alfa01: alfa01, alfa02: 81, gridce: 70));

        var down = Assert.Single(monitor.Published<HostUnresponsive>());
        Assert.Equal("alfa02", down.Name);
        Assert.Equal(expected, down.QuietPhysicalHosts);
    }

    [Fact]
    public async Task A_VM_declared_down_names_the_physical_hosts_quiet_at_the_same_poll_since_the_orchestrator_may_hear_of_it_first()
    {
        var monitor = await StartWithEveryHostFreshAsync();

        await PollAfterAsync(TimeSpan.FromSeconds(81), Hosts(alfa01: 60, alfa02: 1, gridce: 81));

        var down = Assert.Single(monitor.Published<HostUnresponsive>());
        Assert.Equal(("gridce", HostKind.Virtual), (down.Name, down.Kind));
        Assert.Equal(["alfa01"], down.QuietPhysicalHosts);
    }

    [Theory]
    [InlineData(39, new[] { "alfa02" })]
    [InlineData(40, new[] { "alfa01", "alfa02" })]
    public async Task A_physical_host_missing_from_every_report_counts_once_it_has_been_missing_for_half_its_limit(int missingFor, string[] expected)
    {
        var monitor = await StartWithEveryHostFreshAsync();

        await PollAfterAsync(TimeSpan.FromSeconds(missingFor), Host("alfa02", 81), Host("gridce", 1), Host("gridse", 2));

        Assert.Equal(expected, Assert.Single(monitor.Published<HostUnresponsive>()).QuietPhysicalHosts);
    }

    [Theory]
    [InlineData(1, new[] { "alfa02" })]
    [InlineData(2, new[] { "alfa01", "alfa02" })]
    public async Task Half_of_an_absolute_limit_is_what_counts_when_the_inventory_sets_one(int alfa01, string[] expected)
    {
        var monitor = await StartAsync("tmaxFactor: 4\nabsoluteLimit: 3s");
        Ganglia.Answer(Gmond, Hosts(alfa01: 0, alfa02: 0, gridce: 0, gridse: 0));
        await monitor.PollAsync();

        await PollAfterAsync(TimeSpan.FromSeconds(3), Hosts(alfa01: alfa01, alfa02: 3, gridce: 0, gridse: 0));

        var down = Assert.Single(monitor.Published<HostUnresponsive>());
        Assert.Equal(("alfa02", "TN 3 s >= absolute limit 3 s"), (down.Name, down.Reason));
        Assert.Equal(expected, down.QuietPhysicalHosts);
    }
}
