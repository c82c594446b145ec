using ThreeRC.Testing;

namespace ThreeRC.EndToEnd.Tests.Compose;

/// <summary>The images docker-compose.yml runs, built once (compose-test.sh --build-only) for every test of the class.</summary>
public sealed class ComposeImages : IAsyncLifetime
{
    private CommandResult? _build;

    public async Task InitializeAsync() => _build = await ComposeScript.RunAsync("--build-only");

    public void AssertBuilt() => Assert.True(_build?.ExitCode == 0, $"compose-test.sh --build-only: {_build}");

    public Task DisposeAsync() => Task.CompletedTask;
}
