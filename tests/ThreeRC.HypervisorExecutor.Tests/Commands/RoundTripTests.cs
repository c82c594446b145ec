using ThreeRC.HypervisorExecutor.Commands;

namespace ThreeRC.HypervisorExecutor.Tests.Commands;

/// <summary>Several commands in one round trip: each runs only when the one before succeeded, and the exit status names the one that refused.</summary>
public sealed class RoundTripTests
{
    [Fact]
    public void Its_line_ends_at_the_first_failed_step_with_a_status_that_names_it()
    {
        var trip = RemoteCommand.RoundTrip(RemoteCommand.Of("virsh", "destroy", "vm 1"), RemoteCommand.Of("virsh", "start", "vm 1"), RemoteCommand.Query("virsh", "domstate", "vm 1"));

        Assert.Equal("virsh destroy 'vm 1' || exit 201; virsh start 'vm 1' || exit 202; virsh domstate 'vm 1'", trip.Text);
        Assert.Equal(["virsh destroy 'vm 1'", "virsh start 'vm 1'", "virsh domstate 'vm 1'"], trip.Steps.Select(step => step.Text));
        Assert.False(trip.OnlyReads);
        Assert.Equal([null, 0, 1, 2, 2], new int?[] { 0, 201, 202, 1, 203 }.Select(trip.FailedStep));
    }

    [Fact]
    public void A_round_trip_of_queries_only_reads_and_a_single_command_names_itself()
    {
        Assert.True(RemoteCommand.RoundTrip(RemoteCommand.Query("true"), RemoteCommand.Query("true")).OnlyReads);
        var single = RemoteCommand.Of("virsh", "start", "gridce");
        Assert.Equal("virsh start gridce", single.Text);
        Assert.Equal([single], single.Steps);
        Assert.Equal(0, single.FailedStep(201));
    }

    [Theory]
    [InlineData(0, 0, null)]
    [InlineData(1, 0, 0)]
    [InlineData(0, 1, 1)]
    public async Task A_real_shell_runs_the_steps_in_order_and_stops_at_the_first_that_fails(int firstFails, int secondFails, int? failedStep)
    {
        using var folder = new ThreeRC.Testing.TempDirectory("round-trip");
        var log = folder.Combine("log");
        RemoteCommand Step(string name, int fails) => RemoteCommand.Of("sh", "-c", "echo \"$0\" >> \"$1\"; exit \"$2\"", name, log, fails.ToString());
        var trip = RemoteCommand.RoundTrip(Step("first", firstFails), Step("second", secondFails), Step("third", 0));

        var result = await ThreeRC.Testing.Command.RunAsync("sh", ["-c", trip.Text], TimeSpan.FromSeconds(10));

        Assert.Equal(failedStep, trip.FailedStep(result.ExitCode));
        string[] steps = ["first", "second", "third"];
        Assert.Equal(steps[..((failedStep ?? 2) + 1)], File.ReadAllLines(log));
    }
}
