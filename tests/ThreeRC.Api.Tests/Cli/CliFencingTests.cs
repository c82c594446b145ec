using System.Text.Json;
using ThreeRC.Api.Tests.Fixtures;
using ThreeRC.Contracts.Recovery;
using ThreeRC.Testing;
using ResumeFencing = ThreeRC.Contracts.Operations.ResumeFencing;

namespace ThreeRC.Api.Tests.Cli;

/// <summary>threerc status and threerc fencing resume around the mass-failure brake, on an Api of their own (the brake is the whole cluster's).</summary>
public sealed class CliFencingTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private readonly ApiHost _api = fixture.Host;

    [Fact]
    public async Task Status_shows_a_halted_brake_before_anything_else_until_an_operator_resumes_fencing()
    {
        var haltedAt = new DateTimeOffset(2026, 11, 26, 4, 0, 0, TimeSpan.Zero);
        await _api.PublishAsync(new FencingHalted("3 of 3 physical hosts silent within 30 s", ["alfa01", "alfa02", "alfa04"], 3, haltedAt));
        await _api.DrainAsync();

        var halted = await Run("status");
        var json = await Run("status", "-o", "json");
        var resume = await Testing.Cli.RunAsync(
            ["fencing", "resume", "--reason", "the PDUs of rack 3 are off", "--api", _api.GrpcAddress, "--as", "carol"], apiKey: ApiHost.Key);
        var published = (await _api.Received.AwaitAsync<ResumeFencing>(command => command.RequestedBy == "carol")).Single();
        await _api.PublishAsync(new FencingResumed(published.Reason, published.RequestedBy, haltedAt.AddMinutes(5)));
        await _api.DrainAsync();
        var after = await Run("status");
        var again = await Testing.Cli.RunAsync(["fencing", "resume", "--reason", "once more", "--api", _api.GrpcAddress], apiKey: ApiHost.Key);

        Assert.Equal((0, 0), (halted.ExitCode, json.ExitCode));
        var brake = halted.Output.IndexOf("FENCING HALTED", StringComparison.Ordinal);
        Assert.InRange(brake, 0, halted.Output.IndexOf("Physical hosts", StringComparison.Ordinal));
        Assert.Contains(Lines(halted), line => line.Contains("Since") && line.Contains("2026-11-26 04:00:00Z"));
        Assert.Contains(Lines(halted), line => line.Contains("Silent hosts") && line.Contains("alfa01, alfa02, alfa04 (3 of 3)"));
        Assert.Contains(Lines(halted), line => line.Contains("Why") && line.Contains("3 of 3 physical hosts silent within 30 s"));
        Assert.Contains(Lines(halted), line => line.Contains("threerc fencing resume --reason"));
        Assert.Equal(3, JsonSerializer.Deserialize<JsonElement>(json.Output).GetProperty("fencingHalted").GetProperty("silentHosts").GetArrayLength());
        Assert.True(resume.ExitCode == 0, resume.ToString());
        Assert.Contains("Done: fencing-resume on cluster (the PDUs of rack 3 are off)", resume.Output);
        Assert.DoesNotContain("FENCING HALTED", after.Output);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("FailedPrecondition: fencing is not halted: carol resumed it", again.Error);
    }

    [Fact]
    public async Task Status_lists_a_fencing_alert_framed_until_an_operator_acknowledges_it()
    {
        var id = Guid.NewGuid();
        var raisedAt = DateTimeOffset.UtcNow.AddMinutes(-1);
        await _api.PublishAsync(new RecoveryStarted(id, "db08", RecoveryLevel.Restart, "alfa02 stopped reporting", null, raisedAt.AddMinutes(-3)));
        await _api.PublishAsync(new FencingAlert(id, "db08", "alfa02", "the BMC did not answer", 6, raisedAt));
        await _api.DrainAsync();

        var alerted = await Run("status");
        var acknowledge = await Testing.Cli.RunAsync(
            ["fencing", "acknowledge", id.ToString(), "--reason", "powering alfa02 off by hand", "--api", _api.GrpcAddress, "--as", "dave"], apiKey: ApiHost.Key);
        var after = await Run("status");

        Assert.Equal(0, alerted.ExitCode);
        Assert.Contains("FENCING ALERT: db08", alerted.Output);
        Assert.Contains(Lines(alerted), line => line.Contains($"threerc fencing acknowledge {id}"));
        Assert.True(acknowledge.ExitCode == 0, acknowledge.ToString());
        Assert.Contains($"Done: fencing-alert-ack on recovery:{id}", acknowledge.Output);
        Assert.DoesNotContain("FENCING ALERT", after.Output);
    }

    [Fact]
    public async Task Fencing_resume_without_the_key_is_refused_and_its_help_says_it_needs_one()
    {
        var refused = await Run("fencing", "resume", "--reason", "no key");
        var help = await Testing.Cli.RunAsync(["fencing", "resume", "--help"]);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("Unauthenticated", refused.Error);
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("--reason", help.Output);
        Assert.Contains("Needs the API key", help.Output);
    }

    private Task<CommandResult> Run(params string[] arguments) => Testing.Cli.RunAsync([.. arguments, "--api", _api.GrpcAddress]);

    private static string[] Lines(CommandResult result) => result.Output.Split('\n');
}
