using System.Text.Json;
using ThreeRC.Api.Tests.Fixtures;
using ThreeRC.Api.V1;
using ThreeRC.Contracts.Hypervisor;
using ThreeRC.Contracts.Monitoring;
using ThreeRC.Contracts.Placement;
using ThreeRC.Contracts.Recovery;
using ThreeRC.Testing;
using RecoveryStep = ThreeRC.Contracts.Recovery.RecoveryStep;

namespace ThreeRC.Api.Tests.Cli;

/// <summary>The threerc command, run as a process against a running Api.</summary>
public sealed class CliTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly ApiHost _api = fixture.Host;

    [Fact]
    public async Task Help_lists_every_command_and_each_command_has_its_own_help()
    {
        var root = await Testing.Cli.RunAsync(["--help"]);
        var maintenance = await Testing.Cli.RunAsync(["maintenance", "on", "--help"]);

        Assert.Equal(0, root.ExitCode);
        Assert.All(["status", "recoveries", "show", "watch", "maintenance", "recover", "fencing", "plan", "report", "--api-key", "--output"],
            word => Assert.Contains(word, root.Output));
        Assert.Equal(0, maintenance.ExitCode);
        Assert.Contains("--reason", maintenance.Output);
    }

    [Fact]
    public async Task Status_prints_the_hosts_and_VMs_as_tables()
    {
        await _api.PublishAsync(Sample.Down("alfa04", HostKind.Physical, DateTimeOffset.UtcNow));
        await _api.PublishAsync(new VmRestarted(Guid.NewGuid(), "db06", Guid.NewGuid(), "alfa02", [], DateTimeOffset.UtcNow));
        await _api.DrainAsync();

        var status = await Run("status");

        Assert.Equal(0, status.ExitCode);
        Assert.Contains("Physical hosts", status.Output);
        Assert.Contains(Lines(status), line => line.Contains("alfa04") && line.Contains(" down "));
        Assert.Contains(Lines(status), line => line.Contains("db06") && line.Contains("alfa02") && line.Contains("alfa04"));
    }

    [Fact]
    public async Task Status_as_json_holds_the_hosts_and_the_VMs()
    {
        var status = await Run("status", "--output", "json");

        var json = JsonSerializer.Deserialize<JsonElement>(status.Output);
        Assert.Equal(0, status.ExitCode);
        Assert.Equal(TestInventory.Hosts, json.GetProperty("hosts").EnumerateArray().Select(host => host.GetProperty("name").GetString()));
        Assert.Equal(TestInventory.Vms.Length, json.GetProperty("vms").GetArrayLength());
        Assert.All(json.GetProperty("vms").EnumerateArray(), vm => Assert.StartsWith("VM_STATE_", vm.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task Recoveries_and_show_print_an_incident_and_its_timeline()
    {
        var id = Guid.NewGuid();
        var at = DateTimeOffset.UtcNow.AddMinutes(-10);
        await _api.PublishAsync(Sample.Started(id, "gridce", at));
        await _api.PublishAsync(Sample.Step(id, "gridce", RecoveryStep.Reboot, at));
        await _api.PublishAsync(Sample.RebootFailed(id, "gridce", at.AddSeconds(2)));
        await _api.PublishAsync(Sample.Step(id, "gridce", RecoveryStep.Restart, at.AddMinutes(3), "alfa01"));
        await _api.DrainAsync();

        var table = await Run("recoveries", "--vm", "gridce");
        var json = await Run("recoveries", "--vm", "gridce", "-o", "json");
        var show = await Run("show", id.ToString());

        Assert.Equal((0, 0, 0), (table.ExitCode, json.ExitCode, show.ExitCode));
        Assert.Contains(Lines(table), line => line.Contains(id.ToString()) && line.Contains("open") && line.Contains("restart"));
        Assert.Equal(id.ToString(), JsonSerializer.Deserialize<JsonElement>(json.Output).GetProperty("recoveries")[0].GetProperty("id").GetString());
        Assert.Contains(Lines(show), line => line.Contains("reboot") && line.Contains("Reboot of gridce"));
        Assert.Contains(Lines(show), line => line.Contains("GuestRebootFailed") && line.Contains("connection timed out"));
    }

    [Fact]
    public async Task Plan_prints_the_next_step_and_placements_choice()
    {
        _api.Placement.Answers["db08"] = new PlacementPreview("db08", "alfa01", "lowest load");

        var table = await Run("plan", "db08");
        var json = await Run("plan", "db08", "-o", "json");

        Assert.Equal(0, table.ExitCode);
        Assert.Contains(Lines(table), line => line.Contains("Placement would choose") && line.Contains("alfa01"));
        Assert.Equal("RECOVERY_LEVEL_REBOOT", JsonSerializer.Deserialize<JsonElement>(json.Output).GetProperty("level").GetString());
    }

    [Fact]
    public async Task Report_prints_availability_per_VM()
    {
        var start = DateTimeOffset.UtcNow.AddDays(-3);
        var id = Guid.NewGuid();
        await _api.PublishAsync(Sample.Started(id, "db03", start.AddHours(1), start.AddHours(1)));
        await _api.PublishAsync(Sample.Completed(id, "db03", RecoveryOutcome.Recovered, start.AddHours(1), start.AddHours(1), start.AddHours(2)));
        await _api.DrainAsync();
        var window = new[] { "--from", start.ToString("O"), "--to", start.AddHours(10).ToString("O"), "--vm", "db03" };

        var table = await Run(["report", .. window]);
        var json = await Run(["report", .. window, "-o", "json"]);

        Assert.Equal(0, table.ExitCode);
        Assert.Contains(Lines(table), line => line.Contains("db03") && line.Contains("1h 0m") && line.Contains("90.000%"));
        var db03 = JsonSerializer.Deserialize<JsonElement>(json.Output).GetProperty("vms")[0];
        Assert.Equal(90.0, db03.GetProperty("availabilityPercent").GetDouble(), precision: 9);
    }

    [Fact]
    public async Task Maintenance_with_the_key_from_the_environment_is_done_and_recorded_under_the_given_name()
    {
        var result = await Testing.Cli.RunAsync(
            ["maintenance", "on", "vm", "db01", "--reason", "memory test", "--api", _api.GrpcAddress, "--as", "dave"], apiKey: ApiHost.Key);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("maintenance-on on vm:db01", result.Output);
        await Eventually.Until(
            () => _api.Cluster.GetVmAsync(new GetVmRequest { Name = "db01" }).ResponseAsync,
            vm => vm.Maintenance?.ChangedBy == "dave", Patience, "db01 in maintenance by dave");
    }

    [Fact]
    public async Task Maintenance_without_a_key_fails_with_a_readable_message_and_changes_nothing()
    {
        var result = await Run("maintenance", "on", "vm", "db02", "--reason", "no key");
        await _api.DrainAsync();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Unauthenticated", result.Error);
        Assert.Contains("x-api-key", result.Error);
        Assert.Null((await _api.Cluster.GetVmAsync(new GetVmRequest { Name = "db02" })).Maintenance);
    }

    [Fact]
    public async Task Recover_asks_for_a_recovery_at_the_level_given()
    {
        var result = await Testing.Cli.RunAsync(
            ["recover", "db04", "--level", "restart", "--reason", "stuck", "--api", _api.GrpcAddress, "-o", "json"], apiKey: ApiHost.Key);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("Restart: stuck", JsonSerializer.Deserialize<JsonElement>(result.Output).GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("Cannot parse argument 'x' for option '--limit'", "recoveries", "--limit", "x")]
    [InlineData("Required argument missing", "maintenance", "on", "vm", "--reason", "r")]
    [InlineData("Argument 'box' not recognized", "maintenance", "on", "box", "db01", "--reason", "r")]
    [InlineData("Option '--reason' is required", "recover", "db01")]
    [InlineData("Option '--reason' is required", "fencing", "resume")]
    [InlineData("--from: 'yesterday' is neither a time", "report", "--from", "yesterday")]
    [InlineData("Unrecognized command or argument 'frobnicate'", "frobnicate")]
    public async Task Bad_arguments_exit_with_2_and_say_what_is_wrong(string expected, params string[] arguments)
    {
        var result = await Run(arguments);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error);
    }

    [Fact]
    public async Task An_address_that_is_not_http_exits_with_2()
    {
        var result = await Testing.Cli.RunAsync(["status", "--api", "ftp://x"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--api: 'ftp://x' is not an http:// or https:// address", result.Error);
    }

    [Fact]
    public async Task A_down_Api_exits_with_3_and_says_it_cannot_be_reached()
    {
        var result = await Testing.Cli.RunAsync(["status", "--api", $"http://127.0.0.1:{FreePort.Next()}"]);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("cannot reach the ThreeRC Api", result.Error);
        Assert.Contains("Connection refused", result.Error);
    }

    [Fact]
    public async Task Errors_of_the_Api_exit_with_1_and_carry_its_message()
    {
        var unknown = await Run("plan", "ghost");
        var badPage = await Run("recoveries", "--limit", "0", "--page-token", "junk");

        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("NotFound: vm_name: the inventory has no VM named 'ghost'", unknown.Error);
        Assert.Equal(1, badPage.ExitCode);
        Assert.Contains("InvalidArgument: page_token", badPage.Error);
    }

    private Task<CommandResult> Run(params string[] arguments) => Testing.Cli.RunAsync([.. arguments, "--api", _api.GrpcAddress]);

    private static string[] Lines(CommandResult result) => result.Output.Split('\n');
}
