using ThreeRC.Api.V1;
using ThreeRC.Testing;
using ThreeRC.Testing.Stack;

namespace ThreeRC.EndToEnd.Tests.Redundancy;

/// <summary>
/// Issue 19 on the real parts: whatever part of the redundant controller goes during recoveries, every incident is
/// recovered exactly once, no VM runs on two hosts, no host is booked past its places, no command runs twice.
/// </summary>
[Collection(RedundantStackCollection.Name)]
public sealed class RedundantControllerTests(RedundantStack stack)
{
    private static readonly TimeSpan Recovery = TimeSpan.FromMinutes(3);
    private readonly DateTimeOffset _started = DateTimeOffset.UtcNow;

    [Fact]
    public async Task With_one_instance_of_every_service_killed_during_recoveries_the_other_instances_recover_every_incident_once()
    {
        string[] relocated = ["vm21", "vm22", "vm23"];
        await stack.DataCentre.FailHostAsync("alfa01");
        await stack.DataCentre.CrashGuestAsync("vm24");
        await stack.DataCentre.HangGuestAsync("vm27");
        string[] vms = [.. relocated, "vm24", "vm27"];
        await OpenedAsync(vms);

        var killed = ServiceStack.Services.Select(service => $"{service}/a").ToList();
        try
        {
            foreach (var process in killed) await stack.Services.KillAsync(process);

            await AssertEachRecoveredOnceAsync(vms);
            foreach (var vm in relocated) Assert.NotEqual("alfa01", stack.DataCentre.RunningOn(vm));
            foreach (var host in stack.DataCentre.Hosts.Where(host => host.Name != "alfa01"))
                Assert.DoesNotContain(host.Bmc.ChassisCalls(), call => call.Contains("set power 0", StringComparison.Ordinal));
        }
        finally
        {
            foreach (var process in killed) await stack.Services.RestartAsync(process);
        }
    }

    [Fact]
    public async Task With_the_rabbitmq_node_every_service_is_connected_to_stopped_mid_recovery_every_incident_is_recovered_once()
    {
        string[] vms = ["vm25", "vm28"];
        await stack.DataCentre.CrashGuestAsync("vm25");
        await stack.DataCentre.HangGuestAsync("vm28");
        await OpenedAsync(vms);

        await stack.Broker.StopNodeAsync(1);
        try
        {
            await AssertEachRecoveredOnceAsync(vms);
        }
        finally
        {
            await stack.Broker.StartNodeAsync(1);
        }
    }

    [Fact]
    public async Task With_postgresql_restarted_mid_recovery_every_incident_is_recovered_once()
    {
        string[] vms = ["vm26", "vm29"];
        await stack.DataCentre.CrashGuestAsync("vm26");
        await stack.DataCentre.HangGuestAsync("vm29");
        await OpenedAsync(vms);

        await stack.Database.RestartAsync();

        await AssertEachRecoveredOnceAsync(vms);
    }

    private async Task OpenedAsync(IEnumerable<string> vms)
    {
        foreach (var vm in vms)
            await Eventually.Until(() => stack.Recoveries.IncidentsAsync(vm, _started), incidents => incidents is { Count: > 0 },
                TimeSpan.FromSeconds(60), $"{vm}'s incident opened");
    }

    private async Task AssertEachRecoveredOnceAsync(IEnumerable<string> vms)
    {
        foreach (var vm in vms)
        {
            var recovery = await stack.Recoveries.EndedAsync(vm, _started, Recovery, () => stack.Story(vm));
            Assert.True(recovery.State == RecoveryState.Recovered, $"{vm}'s incident ended {recovery.State}: {recovery}\n{stack.Story(vm)}");
            var incidents = await stack.Recoveries.IncidentsAsync(vm, _started);
            Assert.True(incidents is { Count: 1 }, $"{vm} had {incidents?.Count} incidents\n{stack.Story(vm)}");
            // A command run twice would start the VM twice on one host, or reboot its guest twice.
            var starts = stack.StartsByHost(vm);
            Assert.True(starts.Values.All(count => count == 1), $"{vm} was started {string.Join(", ", starts)}\n{stack.Story(vm)}");
            var reboots = stack.DataCentre.Vm(vm).Guest.Calls().Count(call => call == "reboot");
            Assert.True(reboots <= 1, $"{vm}'s guest was rebooted {reboots} times\n{stack.Story(vm)}");
        }

        stack.AssertSafe();
    }
}
