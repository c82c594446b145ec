using Grpc.Core;
using ThreeRC.Api.V1;
using ThreeRC.Testing;
using ThreeRC.Testing.Stack;
using static ThreeRC.Api.V1.RecoveryStepKind;

namespace ThreeRC.EndToEnd.Tests.Safety;

/// <summary>Issue 17 on the real stack: whatever crashes, nothing is lost, nothing runs twice, nothing runs twice at once.</summary>
[Collection(SafetyStackCollection.Name)]
public sealed class ControllerFaultTests(SafetyStack stack)
{
    private readonly DateTimeOffset _started = DateTimeOffset.UtcNow;

    [Fact]
    public async Task An_orchestrator_killed_after_committing_a_restart_and_before_publishing_it_sends_it_exactly_once_when_started_again()
    {
        var vm = SafetyStack.KilledBeforePublishing;
        await stack.DataCentre.HangGuestAsync(vm);

        await stack.Services.WaitForExitAsync("ThreeRC.Orchestrator", TimeSpan.FromSeconds(90));
        var startsWhileDown = stack.Starts(vm);
        await stack.Services.RestartAsync("ThreeRC.Orchestrator");
        Assert.Contains($"Fault injection: SIGKILL after the commit of a RestartVm about {vm}", stack.Services.Output("ThreeRC.Orchestrator"));
        Assert.Equal(0, startsWhileDown);

        var recovery = await stack.Recoveries.EndedAsync(vm, _started, TimeSpan.FromMinutes(2), () => stack.Story(vm));
        Assert.True(recovery.State == RecoveryState.Recovered, $"{vm}'s incident ended {recovery.State}: {recovery}\n{stack.Story(vm)}");
        Assert.Contains(Restart, recovery.Steps.Select(step => step.Step));
        // A restart lost with the process would be noticed only by T2 running out, and the reinstall would start it.
        Assert.DoesNotContain(Reinstall, recovery.Steps.Select(step => step.Step));
        Assert.True(stack.Starts(vm) == 1, $"{vm} was started {stack.Starts(vm)} times\n{stack.Story(vm)}");
        var incidents = await stack.Recoveries.ListRecoveriesAsync(new ListRecoveriesRequest { VmName = vm });
        Assert.Single(incidents.Recoveries, incident => incident.StartedAt.ToDateTimeOffset() >= _started);
        stack.DataCentre.AssertSafe();
    }

    [Fact]
    public async Task A_restart_whose_session_drops_after_the_start_gets_its_host_fenced_before_the_vm_starts_anywhere_else()
    {
        const string vm = "vm13";
        var home = stack.DataCentre.Host("alfa02");
        home.Hypervisor.SetVirshFault("start", "drop");
        try
        {
            await stack.DataCentre.HangGuestAsync(vm);
            var recovery = await stack.Recoveries.EndedAsync(vm, _started, TimeSpan.FromMinutes(2), () => stack.Story(vm));

            Assert.True(recovery.State == RecoveryState.Recovered, $"{vm}'s incident ended {recovery.State}: {recovery}\n{stack.Story(vm)}");
            var droppedStart = home.Hypervisor.TimedCalls().First(call => call.Call == $"virsh start {vm}").At;
            Assert.Contains(recovery.Steps, step => step.Step == Restart && step.Detail.Contains("may have started it all the same", StringComparison.Ordinal));
            var elsewhere = stack.DataCentre.Hosts.Where(host => host != home)
                .SelectMany(host => host.Hypervisor.TimedCalls().Where(call => call.Call == $"virsh start {vm}")).Select(call => call.At).ToList();
            if (elsewhere.Count > 0)
            {
                // It moved: alfa02 was made to power it off first, through its hypervisor, and alfa02 itself stayed on.
                var fenced = home.Hypervisor.TimedCalls().First(call => call.Call == $"virsh destroy {vm}" && call.At > droppedStart).At;
                Assert.True(elsewhere.Min() > fenced, $"{vm} started elsewhere at {elsewhere.Min():O} before alfa02 destroyed it at {fenced:O}\n{stack.Story(vm)}");
                Assert.Contains(Fencing, recovery.Steps.Select(step => step.Step));
            }

            Assert.DoesNotContain(home.Bmc.ChassisCalls(), call => call.Contains("set power 0", StringComparison.Ordinal));
            stack.DataCentre.AssertSafe();
        }
        finally
        {
            home.Hypervisor.SetVirshFault("start", "none");
        }
    }

    [Fact]
    public async Task A_vm_silent_while_in_maintenance_is_refused_a_manual_recovery_and_is_recovered_when_maintenance_ends()
    {
        const string vm = "vm12";
        await stack.Operations.SetMaintenanceAsync(new SetMaintenanceRequest
        {
            Target = MaintenanceTarget.Vm, Name = vm, InMaintenance = true, Reason = "disk firmware", RequestedBy = "alice",
        }, SafetyStack.Operator);
        await Eventually.Until(async () => (await stack.Cluster.GetVmAsync(new GetVmRequest { Name = vm })).Maintenance is not null,
            ok => ok, TimeSpan.FromSeconds(30), $"{vm} in maintenance in the Api");
        await stack.DataCentre.CrashGuestAsync(vm);
        await Eventually.Until(async () => (await stack.Cluster.GetVmAsync(new GetVmRequest { Name = vm })).State, state => state == VmState.Down,
            TimeSpan.FromSeconds(60), $"{vm} down in the Api");

        var refused = await Assert.ThrowsAsync<RpcException>(() => stack.Operations.TriggerRecoveryAsync(
            new TriggerRecoveryRequest { VmName = vm, Reason = "try it", RequestedBy = "alice" }, SafetyStack.Operator).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Contains("maintenance", refused.Status.Detail);
        Assert.DoesNotContain("reboot", stack.DataCentre.Vm(vm).Guest.Calls());

        await stack.Operations.SetMaintenanceAsync(new SetMaintenanceRequest
        {
            Target = MaintenanceTarget.Vm, Name = vm, InMaintenance = false, Reason = "done", RequestedBy = "alice",
        }, SafetyStack.Operator);

        var recovery = await stack.Recoveries.EndedAsync(vm, _started, TimeSpan.FromMinutes(2), () => stack.Story(vm));
        Assert.True(recovery.State == RecoveryState.Recovered, $"{vm}'s incident ended {recovery.State}: {recovery}\n{stack.Story(vm)}");
        Assert.Contains("maintenance", recovery.Trigger);
        Assert.Contains("reboot", stack.DataCentre.Vm(vm).Guest.Calls());
        stack.DataCentre.AssertSafe();
    }
}
