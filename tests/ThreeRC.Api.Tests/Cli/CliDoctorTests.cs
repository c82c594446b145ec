using System.Text.Json;
using ThreeRC.Api.Tests.Fixtures;

namespace ThreeRC.Api.Tests.Cli;

/// <summary>threerc doctor when only the Api runs: it answers for itself and names every module nobody answered for.</summary>
public sealed class CliDoctorTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private readonly ApiHost _api = fixture.Host;

    [Fact]
    public async Task Doctor_fails_and_names_the_modules_no_service_answered_for()
    {
        var table = await Testing.Cli.RunAsync(["doctor", "--wait", "2", "--api", _api.GrpcAddress], apiKey: ApiHost.Key);
        var json = await Testing.Cli.RunAsync(["doctor", "--wait", "2", "-o", "json", "--api", _api.GrpcAddress], apiKey: ApiHost.Key);

        Assert.True(table.ExitCode == 4, table.ToString());
        Assert.Contains("no process answered for this module", table.Output);
        Assert.Contains("check(s) failed", table.Output);
        Assert.True(json.ExitCode == 4, json.ToString());
        var result = JsonSerializer.Deserialize<JsonElement>(json.Output);
        Assert.False(result.GetProperty("passed").GetBoolean());
        Assert.Equal(["monitor", "orchestrator", "placement", "executor", "pxe-provisioner"],
            result.GetProperty("missingModules").EnumerateArray().Select(module => module.GetString()));
        var api = Assert.Single(result.GetProperty("answers").EnumerateArray());
        var store = Assert.Single(api.GetProperty("findings").EnumerateArray());
        Assert.Equal(("api", "store", true), (store.GetProperty("module").GetString(), store.GetProperty("check").GetString(), store.GetProperty("passed").GetBoolean()));
    }
}
