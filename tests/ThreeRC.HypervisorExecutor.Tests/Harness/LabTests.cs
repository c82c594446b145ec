namespace ThreeRC.HypervisorExecutor.Tests.Harness;

/// <summary>A test class whose every test gets a lab of its own with <paramref name="hosts"/> simulated hosts.</summary>
public abstract class LabTests(int hosts) : IAsyncLifetime
{
    internal Lab Lab { get; private set; } = null!;

    public virtual async Task InitializeAsync() => Lab = await Lab.StartAsync(hosts);

    /// <summary>The inventory most tests need: host alfa01 (the first simulated host, libvirt) and VM gridce at home there.</summary>
    internal string GridceOnAlfa01() =>
        new TestInventory().Host("alfa01", Lab[0]).Vm("gridce", "alfa01", Lab.LibvirtDefinition("gridce")).Yaml;

    public virtual async Task DisposeAsync()
    {
        if (Lab is not null) await Lab.DisposeAsync();
    }
}
