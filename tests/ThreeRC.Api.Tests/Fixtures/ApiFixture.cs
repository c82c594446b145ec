namespace ThreeRC.Api.Tests.Fixtures;

/// <summary>One Api host shared by the tests of a class; each test uses VMs and hosts of its own.</summary>
public sealed class ApiFixture : IAsyncLifetime
{
    public ApiHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await ApiHost.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
