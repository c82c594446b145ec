using ThreeRC.Contracts.Hypervisor;
using ThreeRC.HypervisorExecutor.Tests.Harness;

namespace ThreeRC.HypervisorExecutor.Tests.Drivers;

/// <summary>The ESXi driver against real sshd instances whose PATH holds the vim-cmd look-alike.</summary>
public sealed class EsxiDriverTests() : LabTests(hosts: 2)
{
    private string _vmx = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _vmx = Lab.EsxiDefinition("gridse");
    }

    [Fact]
    public async Task A_powered_on_vm_is_powered_off_and_on_again_in_place()
    {
        Lab[0].RegisterEsxiVm("other", "/vmfs/volumes/datastore1/other/other.vmx", poweredOn: true);
        var id = Lab[0].RegisterEsxiVm("gridse", _vmx, poweredOn: true);
        using var executor = Lab.Executor(Inventory());

        var outcome = await executor.RestartAsync("gridse", "esx01");

        Assert.True(outcome.Succeeded, outcome.Reason);
        Assert.Equal(
            ["vim-cmd vmsvc/getallvms", $"vim-cmd vmsvc/power.getstate {id}", $"vim-cmd vmsvc/power.off {id}",
             $"vim-cmd vmsvc/power.on {id}", $"vim-cmd vmsvc/power.getstate {id}"],
            Lab[0].Calls());
        Assert.Equal(3, Lab[0].Ssh.Sessions); // getallvms, getstate; then power.off, power.on and getstate in one round trip
        Assert.Equal(["on"], Lab[0].EsxiPower("gridse"));
        Assert.Equal(["on"], Lab[0].EsxiPower("other"));
    }

    [Fact]
    public async Task A_vm_already_powered_off_is_only_powered_on()
    {
        var id = Lab[0].RegisterEsxiVm("gridse", _vmx, poweredOn: false);
        using var executor = Lab.Executor(Inventory());

        var outcome = await executor.RestartAsync("gridse", "esx01");

        Assert.True(outcome.Succeeded, outcome.Reason);
        Assert.Equal(
            ["vim-cmd vmsvc/getallvms", $"vim-cmd vmsvc/power.getstate {id}", $"vim-cmd vmsvc/power.on {id}", $"vim-cmd vmsvc/power.getstate {id}"],
            Lab[0].Calls());
        Assert.Equal(["on"], Lab[0].EsxiPower("gridse"));
    }

    [Fact]
    public async Task A_vm_relocated_to_a_host_that_does_not_know_it_is_registered_there_from_its_vmx_after_its_old_host_is_fenced()
    {
        var oldId = Lab[0].RegisterEsxiVm("gridse", _vmx, poweredOn: true);
        Lab[1].RegisterEsxiVm("gridse old", "/vmfs/volumes/datastore1/old/gridse.vmx", poweredOn: false);
        using var executor = Lab.Executor(Inventory());

        var fenced = await executor.FenceAsync("gridse", "esx01", FenceMethod.Hypervisor);
        var restarted = await executor.RestartAsync("gridse", "esx02", previousHost: "esx01");

        Assert.True(fenced.Succeeded, fenced.Reason);
        Assert.True(restarted.Succeeded, restarted.Reason);
        Assert.Equal(
            ["vim-cmd vmsvc/getallvms", $"vim-cmd vmsvc/power.getstate {oldId}", $"vim-cmd vmsvc/power.off {oldId}", $"vim-cmd vmsvc/power.getstate {oldId}"],
            Lab[0].Calls());
        Assert.Equal(
            ["vim-cmd vmsvc/getallvms", $"vim-cmd solo/registervm {_vmx} gridse", "vim-cmd vmsvc/getallvms", "vim-cmd vmsvc/power.getstate 2",
             "vim-cmd vmsvc/power.on 2", "vim-cmd vmsvc/power.getstate 2"],
            Lab[1].Calls());
        Assert.Equal(["off"], Lab[0].EsxiPower("gridse"));
        Assert.Equal(["on"], Lab[1].EsxiPower("gridse"));
        Assert.Equal(["off"], Lab[1].EsxiPower("gridse old"));
    }

    [Fact]
    public async Task Two_vms_of_the_same_name_on_a_host_are_not_guessed_between()
    {
        Lab[0].RegisterEsxiVm("gridse", _vmx, poweredOn: false);
        Lab[0].RegisterEsxiVm("gridse", _vmx, poweredOn: false);
        using var executor = Lab.Executor(Inventory());

        var outcome = await executor.RestartAsync("gridse", "esx01");

        Assert.False(outcome.Succeeded);
        Assert.Contains("2 VMs named gridse are registered (vmids 1, 2); refusing to guess", outcome.Reason);
        Assert.Equal(["vim-cmd vmsvc/getallvms"], Lab[0].Calls());
    }

    [Fact]
    public async Task A_fence_whose_vm_listing_gives_no_answer_is_not_taken_for_a_host_that_does_not_know_the_vm()
    {
        Lab[0].HangCommands();
        using var executor = Lab.Executor(Inventory(), ("Executor:Ssh:CommandTimeout", "00:00:01"));

        var outcome = await executor.FenceAsync("gridse", "esx01", FenceMethod.Hypervisor);

        Assert.False(outcome.Succeeded);
        Assert.Contains("vim-cmd vmsvc/getallvms did not finish within 1 s", outcome.Reason);
        Assert.Equal(["vim-cmd vmsvc/getallvms"], Lab[0].Calls());
    }

    private string Inventory() => new TestInventory()
        .Host("esx01", Lab[0], driver: "esxi")
        .Host("esx02", Lab[1], driver: "esxi")
        .Vm("gridse", "esx01", _vmx)
        .Yaml;
}
