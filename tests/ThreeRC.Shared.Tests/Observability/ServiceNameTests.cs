using ThreeRC.Testing;

namespace ThreeRC.Shared.Tests.Observability;

/// <summary>What a real service exports over OTLP (HTTP and protobuf) to a collector stand-in that keeps every request's body.</summary>
public sealed class ServiceNameTests : IDisposable
{
    private readonly TempDirectory _data = new("otlp");

    [Fact]
    public async Task A_service_exports_its_telemetry_under_its_own_service_name_not_unknown_service()
    {
        using var collector = new HttpReceiver();
        await using var placement = await LonePlacement.StartAsync(_data, new Dictionary<string, string?>
        {
            ["Bus__InstanceName"] = "b",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Url.TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        });

        await Eventually.Until(() => collector.Received.Any(export => export.Path == "/v1/logs"), TimeSpan.FromSeconds(30), "logs exported to the collector");
        var logs = collector.Received.Where(export => export.Path == "/v1/logs").Select(export => export.Text).ToList();
        Assert.All(logs, body => Assert.Contains("service.name", body));
        Assert.All(logs, body => Assert.Contains("ThreeRC.Placement", body));
        Assert.All(logs, body => Assert.Contains("service.instance.id", body));
        Assert.DoesNotContain(collector.Received, export => export.Text.Contains("unknown_service", StringComparison.Ordinal));
    }

    public void Dispose() => _data.Dispose();
}
