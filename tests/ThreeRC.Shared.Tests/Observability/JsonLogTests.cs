using System.Text.Json;
using ThreeRC.Testing;

namespace ThreeRC.Shared.Tests.Observability;

/// <summary>The log format setting that compose passes (<c>Logging__Console__FormatterName=json</c>), on a real service.</summary>
public sealed class JsonLogTests : IDisposable
{
    private readonly TempDirectory _data = new("json-logs");

    [Fact]
    public async Task With_the_json_formatter_every_line_a_service_prints_is_a_json_log_entry_with_a_utc_timestamp()
    {
        await using var placement = await LonePlacement.StartAsync(_data, new Dictionary<string, string?> { ["Logging__Console__FormatterName"] = "json" });

        var lines = placement.Process.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains(lines, line => line.Contains("Now listening on", StringComparison.Ordinal));
        foreach (var line in lines)
        {
            using var entry = JsonDocument.Parse(line);
            Assert.EndsWith("Z", entry.RootElement.GetProperty("Timestamp").GetString());
            Assert.False(string.IsNullOrEmpty(entry.RootElement.GetProperty("Category").GetString()), line);
            Assert.False(string.IsNullOrEmpty(entry.RootElement.GetProperty("LogLevel").GetString()), line);
        }
    }

    public void Dispose() => _data.Dispose();
}
