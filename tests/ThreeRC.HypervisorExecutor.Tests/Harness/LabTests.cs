namespace ThreeRC.HypervisorExecutor.Tests.Harness;

/// <summary>A test class whose every test gets a lab of its own with <paramref name="hosts"/> simulated hosts.</summary>
public abstract class LabTests(int hosts) : IAsyncLifetime
{
    internal Lab Lab { get; private set; } = null!;

    public virtual async Task InitializeAsync() => Lab = await Lab.StartAsync(hosts);

    public virtual async Task DisposeAsync()
    {
        if (Lab is not null) await Lab.DisposeAsync();
    }
}
