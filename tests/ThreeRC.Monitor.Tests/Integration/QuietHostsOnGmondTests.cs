using Microsoft.Extensions.DependencyInjection;
using ThreeRC.Contracts.Monitoring;
using ThreeRC.Monitor.Sources;
using ThreeRC.Monitor.Tests.Support;
using ThreeRC.Testing;

namespace ThreeRC.Monitor.Tests.Integration;

/// <summary>
/// Four physical hosts on a real gmond, three of which fall silent at once, as they all do when the monitor's network
/// fails. The limit is 8 s, so that a host whose last heartbeat came a second (one round of gmetric) after another's
/// is still past half its limit when the other is declared.
/// </summary>
public sealed class QuietHostsOnGmondTests : IAsyncLifetime
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(8);
    private static readonly string[] Names = ["alfa01", "alfa02", "alfa03", "alfa04"];
    private Lab _lab = null!;

    public async Task InitializeAsync() => _lab = await Lab.StartPhysicalHostsAsync(Limit, Names);

    public async Task DisposeAsync() => await _lab.DisposeAsync();

    [Fact]
    public async Task When_three_of_four_hosts_fall_silent_at_once_the_first_one_declared_names_all_three_as_quiet()
    {
        await using var monitor = await _lab.StartMonitorAsync();
        await Eventually.Until(
            () => monitor.Services.GetRequiredService<SourceBoard>().LastReports
                .Any(report => report.Document is { } document && Names.All(document.Hosts.ContainsKey)),
            TimeSpan.FromSeconds(20),
            "a poll that found every host");

        string[] silent = ["alfa01", "alfa02", "alfa03"];
        await Task.WhenAll(silent.Select(name => _lab.Hosts[name].StopAsync()));
        var (first, _) = await monitor.Messages.WaitForAsync<HostUnresponsive>(_ => true, Limit + TimeSpan.FromSeconds(20), "the first host declared");
        await Eventually.Until(() => monitor.Messages.Of<HostUnresponsive>().Count >= silent.Length, Limit + TimeSpan.FromSeconds(20), "all three declared");

        Assert.Contains(first.Name, silent);
        Assert.Equal(silent, first.QuietPhysicalHosts);
        Assert.Equal(silent, monitor.Messages.Of<HostUnresponsive>().Select(message => message.Name).Order());
        Assert.All(monitor.Messages.Of<HostUnresponsive>(), message => Assert.DoesNotContain("alfa04", message.QuietPhysicalHosts));
    }
}
