using ThreeRC.Contracts.Hypervisor;
using ThreeRC.HypervisorExecutor.Tests.Harness;

namespace ThreeRC.HypervisorExecutor.Tests.Drivers;

/// <summary>The ESXi driver against real sshd instances whose PATH holds the vim-cmd look-alike.</summary>
public sealed class EsxiDriverTests : IAsyncLifetime
{
    private Lab _lab = null!;
    private string _vmx = null!;

    public async Task InitializeAsync()
    {
        _lab = await Lab.StartAsync(hosts: 2);
        _vmx = _lab.EsxiDefinition("gridse");
    }

    public async Task DisposeAsync() => await _lab.DisposeAsync();

    [Fact]
    public async Task A_powered_on_vm_is_powered_off_and_on_again_in_place()
    {
        _lab[0].RegisterEsxiVm("other", "/vmfs/volumes/datastore1/other/other.vmx", poweredOn: true);
        var id = _lab[0].RegisterEsxiVm("gridse", _vmx, poweredOn: true);
        using var executor = _lab.Executor(Inventory());

        var outcome = await executor.RestartAsync("gridse", "esx01");

        Assert.True(outcome.Succeeded, outcome.Reason);
        Assert.Equal(
            ["vim-cmd vmsvc/getallvms", $"vim-cmd vmsvc/power.getstate {id}", $"vim-cmd vmsvc/power.off {id}",
             $"vim-cmd vmsvc/power.on {id}", $"vim-cmd vmsvc/power.getstate {id}"],
            _lab[0].Calls());
        Assert.Equal(["on"], _lab[0].EsxiPower("gridse"));
        Assert.Equal(["on"], _lab[0].EsxiPower("other"));
    }

    [Fact]
    public async Task A_vm_already_powered_off_is_only_powered_on()
    {
        var id = _lab[0].RegisterEsxiVm("gridse", _vmx, poweredOn: false);
        using var executor = _lab.Executor(Inventory());

        var outcome = await executor.RestartAsync("gridse", "esx01");

        Assert.True(outcome.Succeeded, outcome.Reason);
        Assert.Equal(
            ["vim-cmd vmsvc/getallvms", $"vim-cmd vmsvc/power.getstate {id}", $"vim-cmd vmsvc/power.on {id}", $"vim-cmd vmsvc/power.getstate {id}"],
            _lab[0].Calls());
        Assert.Equal(["on"], _lab[0].EsxiPower("gridse"));
    }

    [Fact]
    public async Task A_vm_relocated_to_a_host_that_does_not_know_it_is_registered_there_from_its_vmx_after_its_old_host_is_fenced()
    {
        var oldId = _lab[0].RegisterEsxiVm("gridse", _vmx, poweredOn: true);
        _lab[1].RegisterEsxiVm("gridse old", "/vmfs/volumes/datastore1/old/gridse.vmx", poweredOn: false);
        using var executor = _lab.Executor(Inventory());

        var fenced = await executor.FenceAsync("gridse", "esx01", FenceMethod.Hypervisor);
        var restarted = await executor.RestartAsync("gridse", "esx02", previousHost: "esx01");

        Assert.True(fenced.Succeeded, fenced.Reason);
        Assert.True(restarted.Succeeded, restarted.Reason);
        Assert.Equal(
            ["vim-cmd vmsvc/getallvms", $"vim-cmd vmsvc/power.getstate {oldId}", $"vim-cmd vmsvc/power.off {oldId}", $"vim-cmd vmsvc/power.getstate {oldId}"],
            _lab[0].Calls());
        Assert.Equal(
            ["vim-cmd vmsvc/getallvms", $"vim-cmd solo/registervm {_vmx} gridse", "vim-cmd vmsvc/getallvms", "vim-cmd vmsvc/power.getstate 2",
             "vim-cmd vmsvc/power.on 2", "vim-cmd vmsvc/power.getstate 2"],
            _lab[1].Calls());
        Assert.Equal(["off"], _lab[0].EsxiPower("gridse"));
        Assert.Equal(["on"], _lab[1].EsxiPower("gridse"));
        Assert.Equal(["off"], _lab[1].EsxiPower("gridse old"));
    }

    [Fact]
    public async Task Two_vms_of_the_same_name_on_a_host_are_not_guessed_between()
    {
        _lab[0].RegisterEsxiVm("gridse", _vmx, poweredOn: false);
        _lab[0].RegisterEsxiVm("gridse", _vmx, poweredOn: false);
        using var executor = _lab.Executor(Inventory());

        var outcome = await executor.RestartAsync("gridse", "esx01");

        Assert.False(outcome.Succeeded);
        Assert.Contains("2 VMs named gridse are registered (vmids 1, 2); refusing to guess", outcome.Reason);
        Assert.Equal(["vim-cmd vmsvc/getallvms"], _lab[0].Calls());
    }

    private string Inventory() => new TestInventory()
        .Host("esx01", _lab[0], driver: "esxi")
        .Host("esx02", _lab[1], driver: "esxi")
        .Vm("gridse", "esx01", _vmx)
        .Yaml;
}
