using System.Text.Json;
using ThreeRC.Api.Tests.Fixtures;
using ThreeRC.Contracts.Monitoring;
using ThreeRC.Testing;

namespace ThreeRC.Api.Tests.Cli;

public sealed class CliWatchTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly ApiHost _api = fixture.Host;

    [Fact]
    public async Task Watch_prints_the_events_that_pass_its_filter_until_Ctrl_C_and_then_exits_cleanly()
    {
        await using var watch = Testing.Cli.Start(["watch", "--vm", "db07", "--api", _api.GrpcAddress]);
        await Eventually.Until(() => watch.Output.Contains("Watching the events"), Patience, "watch subscribed");

        await _api.PublishAsync(Sample.Down("db08", HostKind.Virtual, DateTimeOffset.UtcNow));
        await _api.PublishAsync(Sample.Down("db07", HostKind.Virtual, DateTimeOffset.UtcNow));
        await Eventually.Until(() => watch.Output.Contains("db07 stopped reporting"), Patience, "the db07 event printed");
        await Command.RunAsync("kill", ["-INT", watch.Id.ToString()], Patience);
        var exitCode = await watch.WaitForExitAsync(Patience);

        Assert.Equal(130, exitCode);
        Assert.DoesNotContain("error", watch.Output, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(watch.Output.Split('\n'), line => line.Contains("HostUnresponsive") && line.Contains("db07"));
        Assert.DoesNotContain("db08", watch.Output);
    }

    [Fact]
    public async Task Watch_as_json_prints_one_event_per_line()
    {
        await using var watch = Testing.Cli.Start(["watch", "--kind", "HostResponsive", "--api", _api.GrpcAddress, "-o", "json"]);
        await Eventually.Until(() => watch.Output.Contains("Watching the events"), Patience, "watch subscribed");

        await _api.PublishAsync(Sample.Up("alfa01", HostKind.Physical, DateTimeOffset.UtcNow));
        var line = await Eventually.Until(
            () => Task.FromResult(watch.Output.Split('\n').FirstOrDefault(line => line.StartsWith('{'))),
            line => line is not null, Patience, "a JSON line");

        var json = JsonSerializer.Deserialize<JsonElement>(line!);
        Assert.Equal(("HostResponsive", "alfa01"), (json.GetProperty("kind").GetString(), json.GetProperty("hostName").GetString()));
    }
}
