using ThreeRC.Testing;

namespace ThreeRC.Orchestrator.Tests.Harness;

/// <summary>A fresh orchestrator harness with its own data folder per test.</summary>
public abstract class HarnessTest : IAsyncLifetime
{
    private readonly TempDirectory _data = new("orchestrator");

    protected OrchestratorHarness H { get; private set; } = null!;

    protected string DataDirectory => _data.Path;

    /// <summary>Orchestrator settings for this test class, as configuration keys.</summary>
    protected virtual Dictionary<string, string?> Settings => [];

    public async Task InitializeAsync() => H = await OrchestratorHarness.StartAsync(_data.Path, Settings);

    public async Task DisposeAsync()
    {
        await H.DisposeAsync();
        _data.Dispose();
    }
}
