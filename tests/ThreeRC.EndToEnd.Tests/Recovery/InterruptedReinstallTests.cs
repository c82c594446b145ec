using ThreeRC.Api.V1;
using ThreeRC.Testing;
using ThreeRC.Testing.DataCentre;
using ThreeRC.Testing.Stack;
using static ThreeRC.Api.V1.RecoveryStepKind;

namespace ThreeRC.EndToEnd.Tests.Recovery;

/// <summary>
/// A reinstall the VM makes unnecessary: it reports again while its pxelinux entry points at the installer. Its own
/// stack of one host and one VM, since the scenario makes the host's hypervisor hang.
/// </summary>
public sealed class InterruptedReinstallTests(InterruptedReinstallStack stack) : IClassFixture<InterruptedReinstallStack>
{
    private static readonly TimeSpan WithinSeconds = TimeSpan.FromSeconds(5);
    private readonly DateTimeOffset _started = DateTimeOffset.UtcNow;

    private EmulatedDataCentre DataCentre => stack.DataCentre;

    [Fact]
    public async Task A_VM_that_comes_back_during_its_reinstall_leaves_its_entry_on_local_boot_within_seconds()
    {
        var vm = DataCentre.Vm("vm01");
        var host = DataCentre.Host("alfa01");
        await DataCentre.DestroyGuestAsync(vm.Name);
        try
        {
            // Its restart boots it without /boot and without an installer; from then on the hypervisor hangs, so the
            // reinstall's restart cannot happen and the entry stays on the installer until something puts it back.
            await Eventually.Until(() => DataCentre.Notes.Any(note => note.EndsWith("vm01 on alfa01: no /boot and no installer", StringComparison.Ordinal)),
                TimeSpan.FromSeconds(90), "vm01 restarted and found no installer");
            host.Hypervisor.HangCommands();
            var armed = await Eventually.Until(() => DataCentre.Tftp.FetchAsync(vm.PxelinuxFile), entry => entry.Output.Contains("KERNEL ", StringComparison.Ordinal),
                TimeSpan.FromSeconds(60), $"{vm.PxelinuxFile} served over TFTP pointing at the installer");
            await Eventually.Until(() => host.Hypervisor.HungCommands > 0, TimeSpan.FromSeconds(30), "the reinstall's restart held on alfa01");
            var onInstaller = DataCentre.InstallerEntries();

            await DataCentre.RepairGuestAsync(vm.Name);
            var ended = await stack.Recoveries.EndedAsync(vm.Name, _started, TimeSpan.FromSeconds(60), Story);
            var entry = await Eventually.Until(() => DataCentre.Tftp.FetchAsync(vm.PxelinuxFile), fetched => fetched.Output.Contains("LOCALBOOT 0", StringComparison.Ordinal),
                WithinSeconds, $"{vm.PxelinuxFile} served over TFTP as local boot within {WithinSeconds.TotalSeconds} s of the incident's end\n{Story()}");

            Assert.True(ended.State == RecoveryState.Recovered, $"vm01's incident ended {ended.State}: {ended}\n{Story()}");
            Assert.Contains(Reinstall, ended.Steps.Select(step => step.Step));
            Assert.Equal([new InstallerEntry(vm.Name, Guid.Parse(ended.Id))], onInstaller);
            Assert.Contains("threerc.token=", armed.Output);
            Assert.DoesNotContain("KERNEL", entry.Output);
            Assert.Empty(DataCentre.InstallerEntries());
            Assert.DoesNotContain(DataCentre.Notes, note => note.Contains("reinstalled", StringComparison.Ordinal));
            Assert.Contains($"without the installer (recovery {ended.Id}): incident ended Recovered", stack.Services.Output("ThreeRC.PxeProvisioner"));
            DataCentre.AssertSafe();
        }
        finally
        {
            host.Hypervisor.KillHungCommands();
        }
    }

    /// <summary>What the machines did, and what the orchestrator and the provisioner logged about vm01.</summary>
    private string Story() => "machines:\n" + string.Join('\n', DataCentre.Notes) + string.Concat(new[] { "ThreeRC.Orchestrator", "ThreeRC.PxeProvisioner" }.Select(service =>
        $"\n{service} about vm01:\n" + string.Join('\n', stack.Services.Output(service).Split('\n').Where(line => line.Contains("vm01", StringComparison.Ordinal)).TakeLast(40))));
}

/// <summary>The six services on a real RabbitMQ protecting one host that runs one VM.</summary>
public sealed class InterruptedReinstallStack : IAsyncLifetime
{
    private ProtectedDataCentre? _stack;

    public EmulatedDataCentre DataCentre => _stack!.DataCentre;

    public ServiceStack Services => _stack!.Services;

    public Recoveries.RecoveriesClient Recoveries => new(_stack!.Api);

    public async Task InitializeAsync() =>
        _stack = await ProtectedDataCentre.StartAsync(new Dictionary<string, string[]> { ["alfa01"] = ["vm01"] }, DataCentreTimers.ForTests);

    public async Task DisposeAsync()
    {
        if (_stack is not null) await _stack.DisposeAsync();
    }
}
