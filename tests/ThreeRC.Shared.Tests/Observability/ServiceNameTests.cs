using System.Collections.Concurrent;
using System.Net;
using System.Text;
using ThreeRC.Testing;

namespace ThreeRC.Shared.Tests.Observability;

/// <summary>What a real service exports over OTLP (HTTP and protobuf) to a collector stand-in that keeps every request's body.</summary>
public sealed class ServiceNameTests : IDisposable
{
    private readonly TempDirectory _data = new("otlp");
    private readonly ConcurrentQueue<(string Path, byte[] Body)> _exports = new();

    [Fact]
    public async Task A_service_exports_its_telemetry_under_its_own_service_name_not_unknown_service()
    {
        var collector = $"http://127.0.0.1:{FreePort.Next()}/";
        using var listener = new HttpListener { Prefixes = { collector } };
        listener.Start();
        _ = CollectAsync(listener);
        await using var placement = await LonePlacement.StartAsync(_data, new Dictionary<string, string?>
        {
            ["Bus__InstanceName"] = "b",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        });

        await Eventually.Until(() => _exports.Any(export => export.Path == "/v1/logs"), TimeSpan.FromSeconds(30), "logs exported to the collector");
        var logs = _exports.Where(export => export.Path == "/v1/logs").Select(export => Encoding.UTF8.GetString(export.Body)).ToList();
        Assert.All(logs, body => Assert.Contains("service.name", body));
        Assert.All(logs, body => Assert.Contains("ThreeRC.Placement", body));
        Assert.All(logs, body => Assert.Contains("service.instance.id", body));
        Assert.DoesNotContain(_exports, export => Encoding.UTF8.GetString(export.Body).Contains("unknown_service", StringComparison.Ordinal));
    }

    public void Dispose() => _data.Dispose();

    private async Task CollectAsync(HttpListener listener)
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            _exports.Enqueue((context.Request.Url!.AbsolutePath, body.ToArray()));
            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }
}
