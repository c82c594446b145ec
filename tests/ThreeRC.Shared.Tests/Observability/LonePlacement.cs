using ThreeRC.Testing;

namespace ThreeRC.Shared.Tests.Observability;

/// <summary>A real service to observe: Placement alone on the in-memory bus, with a one-VM inventory, started and healthy.</summary>
internal sealed class LonePlacement(ServiceProcess process) : IAsyncDisposable
{
    public ServiceProcess Process { get; } = process;

    /// <summary>Starts it in <paramref name="data"/> with <paramref name="settings"/> (environment variables) on top.</summary>
    public static async Task<LonePlacement> StartAsync(TempDirectory data, IReadOnlyDictionary<string, string?> settings)
    {
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        var environment = new Dictionary<string, string?>(settings)
        {
            ["Urls"] = url,
            ["Bus__Transport"] = "InMemory",
            ["Inventory__Path"] = data.Write("inventory.yaml", GeneratedInventory.Yaml(["h1"], [new GeneratedVm("vm1", "h1")])),
            ["Storage__DataDirectory"] = data.Path,
        };
        var placement = new LonePlacement(ServiceProcess.StartService("ThreeRC.Placement", environment));
        try
        {
            await placement.Process.WaitForHealthAsync($"{url}/health");
            return placement;
        }
        catch
        {
            await placement.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => Process.DisposeAsync();
}
