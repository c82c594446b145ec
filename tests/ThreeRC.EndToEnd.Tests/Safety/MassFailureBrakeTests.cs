using ThreeRC.Api.V1;
using ThreeRC.Testing;
using ThreeRC.Testing.DataCentre;
using ThreeRC.Testing.Stack;
using static ThreeRC.Api.V1.RecoveryStepKind;

namespace ThreeRC.EndToEnd.Tests.Safety;

/// <summary>
/// Issue 17, the mass-failure brake on the real stack: the monitor loses its network to two of three hosts, so Ganglia
/// hears neither them nor their VMs, though all of them run. Without the brake both would be powered off through their
/// BMCs and their VMs started on the third. Its own stack: the scenario silences most of the data centre.
/// </summary>
public sealed class MassFailureBrakeTests(BrakeStack stack) : IClassFixture<BrakeStack>
{
    private static readonly TimeSpan QuietWindow = TimeSpan.FromSeconds(10);
    private readonly DateTimeOffset _started = DateTimeOffset.UtcNow;

    [Fact]
    public async Task A_monitor_that_loses_its_network_makes_no_host_fenced_and_no_vm_touched_until_an_operator_resumes_fencing()
    {
        var centre = stack.Stack.DataCentre;
        await centre.CutMonitorNetworkAsync("alfa01", "alfa02");

        var halt = await Eventually.Until(async () => (await stack.Cluster.ListHostsAsync(new ListHostsRequest())).FencingHalted, halted => halted is not null,
            TimeSpan.FromSeconds(60), "fencing halted in the Api");
        Assert.Equal(3, halt!.PhysicalHosts);
        Assert.Equal(["alfa01", "alfa02"], halt.SilentHosts);
        await Eventually.Until(async () => await Task.WhenAll(Silenced(centre).Select(async vm => (await stack.Cluster.GetVmAsync(new GetVmRequest { Name = vm.Name })).OpenRecovery)),
            open => open.All(incident => incident is not null), TimeSpan.FromSeconds(60), "an incident open for every VM");
        var deadline = DateTimeOffset.UtcNow + QuietWindow;
        while (DateTimeOffset.UtcNow < deadline)
        {
            AssertNothingTouched(centre);
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        await centre.RestoreMonitorNetworkAsync();

        foreach (var vm in Silenced(centre))
        {
            var recovery = await stack.Recoveries.EndedAsync(vm.Name, _started, TimeSpan.FromMinutes(1), () => stack.Stack.Story(vm.Name));
            Assert.True(recovery.State == RecoveryState.Recovered, $"{vm.Name}: {recovery}");
            // Placement only reserves room; every step that acts on a machine was held.
            Assert.DoesNotContain(recovery.Steps, step => step.Step is Reboot or Fencing or Restart or Reinstall);
            Assert.Contains(recovery.Steps, step => step.Step == Queued && step.Detail.Contains("held before fencing", StringComparison.Ordinal));
        }

        AssertNothingTouched(centre);
        await stack.Operations.ResumeFencingAsync(new ResumeFencingRequest { Reason = "the monitor's switch port was down", RequestedBy = "alice" },
            SafetyStack.Operator);
        await Eventually.Until(async () => (await stack.Cluster.ListHostsAsync(new ListHostsRequest())).FencingHalted, halted => halted is null,
            TimeSpan.FromSeconds(30), "fencing resumed in the Api");
        centre.AssertSafe();
    }

    private static IEnumerable<EmulatedVm> Silenced(EmulatedDataCentre centre) => centre.Vms.Where(vm => vm.Name is "vm21" or "vm22");

    private static void AssertNothingTouched(EmulatedDataCentre centre)
    {
        Assert.All(centre.Hosts, host => Assert.DoesNotContain(host.Bmc.ChassisCalls(), call => call.Contains("set power 0", StringComparison.Ordinal)));
        Assert.All(centre.Hosts, host => Assert.DoesNotContain(host.Hypervisor.Calls(), call => call.StartsWith("virsh start", StringComparison.Ordinal) ||
            call.StartsWith("virsh destroy", StringComparison.Ordinal)));
        Assert.All(centre.Vms, vm => Assert.DoesNotContain("reboot", vm.Guest.Calls()));
    }
}

/// <summary>Three hosts with one VM each, and an Api that takes operator commands.</summary>
public sealed class BrakeStack : IAsyncLifetime
{
    public ProtectedDataCentre Stack { get; private set; } = null!;

    public Cluster.ClusterClient Cluster => new(Stack.Api);

    public Recoveries.RecoveriesClient Recoveries => new(Stack.Api);

    public Operations.OperationsClient Operations => new(Stack.Api);

    public async Task InitializeAsync() => Stack = await ProtectedDataCentre.StartAsync(
        new Dictionary<string, string[]> { ["alfa01"] = ["vm21"], ["alfa02"] = ["vm22"], ["alfa03"] = ["vm23"] }, DataCentreTimers.ForTests with { ConfirmWithProbe = false },
        settings: new Dictionary<string, string?> { ["Api__ApiKey"] = SafetyStack.ApiKey });

    public async Task DisposeAsync()
    {
        if (Stack is not null) await Stack.DisposeAsync();
    }
}
