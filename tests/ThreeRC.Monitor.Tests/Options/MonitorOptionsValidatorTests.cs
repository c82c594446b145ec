using Microsoft.Extensions.Options;
using ThreeRC.Monitor.Extensions;
using ThreeRC.Monitor.Ganglia;
using ThreeRC.Monitor.Options;
using ThreeRC.Monitor.Tests.Support;
using ThreeRC.Testing;

namespace ThreeRC.Monitor.Tests.Options;

public class MonitorOptionsValidatorTests
{
    [Fact]
    public void Sources_as_host_port_with_the_defaults_are_valid()
    {
        var result = Validate(new MonitorOptions { Sources = ["127.0.0.1:8649", "gmetad.example.org:8651", "[::1]:8649"] });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Without_a_source_the_monitor_has_nothing_to_watch()
    {
        Assert.Equal(["Monitor:Sources: list at least one Ganglia source as host:port (gmond 8649 or gmetad 8651)"], Validate(new MonitorOptions()).Failures);
    }

    [Theory]
    [InlineData("gmond", "Monitor:Sources:0: 'gmond' is not host:port (such as 127.0.0.1:8649)")]
    [InlineData("127.0.0.1:99999", "Monitor:Sources:0: '99999' in '127.0.0.1:99999' is not a port number")]
    [InlineData("127.0.0.1:http", "Monitor:Sources:0: 'http' in '127.0.0.1:http' is not a port number")]
    [InlineData("gmond;reboot:8649", "Monitor:Sources:0: 'gmond;reboot' in 'gmond;reboot:8649' is not a host name or IP address")]
    public void A_source_that_is_not_host_port_is_refused_by_its_index(string source, string expected)
    {
        Assert.Equal([expected], Validate(new MonitorOptions { Sources = [source] }).Failures);
    }

    [Fact]
    public void Every_other_mistake_is_named_with_its_key()
    {
        var result = Validate(new MonitorOptions
        {
            Sources = ["127.0.0.1:8649", "127.0.0.1:8649"],
            PollInterval = TimeSpan.Zero,
            ConnectTimeout = TimeSpan.Zero,
            ReadTimeout = TimeSpan.FromSeconds(-1),
            MaxDocumentBytes = 100,
            Push = new PushOptions { Port = 70000, Bind = "every interface", Grace = TimeSpan.FromSeconds(-1), JudgeInterval = TimeSpan.FromMinutes(1) },
        });

        Assert.Equal(
        [
            "Monitor:Sources: '127.0.0.1:8649' is listed 2 times",
            "Monitor:PollInterval: 00:00:00 is not between 100 ms and 1 h",
            "Monitor:ConnectTimeout: must be positive",
            "Monitor:ReadTimeout: must be positive",
            "Monitor:MaxDocumentBytes: 100 is not between 1024 and 1073741824",
            "Monitor:Push:Port: 70000 is not a UDP port",
            "Monitor:Push:Bind: 'every interface' is not an IP address",
            "Monitor:Push:Grace: -00:00:01 is not between 0 and 1 min",
            "Monitor:Push:JudgeInterval: 00:01:00 is not between 50 ms and 10 s",
        ], result.Failures);
    }

    [Fact]
    public void An_IPv6_source_keeps_its_brackets_when_named()
    {
        Assert.Equal("[::1]:8649", GangliaSource.Parse("[::1]:8649").ToString());
        Assert.Equal(new GangliaSource("::1", 8649), GangliaSource.Parse("[::1]:8649"));
    }

    [Fact]
    public async Task A_monitor_without_sources_does_not_start_and_says_why()
    {
        using var folder = new TempDirectory("monitor-options");
        var configuration = new Dictionary<string, string?>
        {
            ["Inventory:Path"] = folder.Write("inventory.yaml", TestInventory.Yaml()),
            ["Bus:Transport"] = "InMemory",
        };

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => ModuleHost.StartAsync(configuration, modules => modules.AddMonitor()));

        Assert.Contains("Monitor:Sources: list at least one Ganglia source as host:port (gmond 8649 or gmetad 8651)", error.Failures);
    }

    private static ValidateOptionsResult Validate(MonitorOptions options) => new MonitorOptionsValidator().Validate(null, options);
}
