using ThreeRC.Testing;

namespace ThreeRC.EndToEnd.Tests.Foundation;

/// <summary>The README's first command: every module in one process on the in-memory bus and SQLite files.</summary>
public sealed class AllInOneNodeTests : IDisposable
{
    private readonly TempDirectory _data = new("node");

    [Fact]
    public async Task The_all_in_one_node_starts_with_the_sample_inventory_and_answers_healthy()
    {
        var port = FreePort.Next();
        await using var node = ServiceProcess.StartService("ThreeRC.Node", new Dictionary<string, string?>
        {
            ["Urls"] = $"http://127.0.0.1:{port}",
            ["Storage__DataDirectory"] = _data.Path,
        });

        var health = await node.WaitForHealthAsync($"http://127.0.0.1:{port}/health");

        Assert.Equal("Healthy", health.GetProperty("status").GetString());
    }

    public void Dispose() => _data.Dispose();
}
