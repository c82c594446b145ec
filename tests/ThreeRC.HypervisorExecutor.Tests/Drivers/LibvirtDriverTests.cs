using ThreeRC.Contracts.Hypervisor;
using ThreeRC.HypervisorExecutor.Tests.Harness;
using ThreeRC.Testing;

namespace ThreeRC.HypervisorExecutor.Tests.Drivers;

/// <summary>The libvirt driver against real sshd instances whose PATH holds the virsh look-alike.</summary>
public sealed class LibvirtDriverTests() : LabTests(hosts: 2)
{
    private const string Virsh = "virsh -c qemu:///system";

    [Fact]
    public async Task A_running_vm_is_destroyed_and_started_again_in_place()
    {
        Lab[0].SetDomain("gridce", "running");
        using var executor = Lab.Executor(Inventory());

        var outcome = await executor.RestartAsync("gridce", "alfa01");

        Assert.True(outcome.Succeeded, outcome.Reason);
        Assert.Equal(["virsh domstate gridce", "virsh destroy gridce", "virsh start gridce", "virsh domstate gridce"], Lab[0].Calls());
        Assert.Equal("running", Lab[0].DomainState("gridce"));
        var login = $"{Lab[0].Ssh.User}@127.0.0.1:{Lab[0].Ssh.Port}";
        Assert.Equal([$"{login}: {Virsh} domstate gridce", $"{login}: {Virsh} destroy gridce", $"{login}: {Virsh} start gridce", $"{login}: {Virsh} domstate gridce"],
            outcome.Commands);
        Assert.Equal(2, Lab[0].Ssh.Sessions); // domstate; then destroy, start and domstate in one round trip
        Assert.All(Lab[0].VirshConnections(), uri => Assert.Equal("qemu:///system", uri));
    }

    [Fact]
    public async Task A_start_the_hypervisor_reports_running_a_moment_later_is_confirmed_by_asking_again()
    {
        Lab[0].SetDomain("gridce", "shut off");
        Lab[0].SetStartState("paused");
        using var executor = Lab.Executor(Inventory());

        var restart = executor.RestartAsync("gridce", "alfa01");
        await Eventually.Until(() => Lab[0].DomainState("gridce") == "paused", TimeSpan.FromSeconds(20), "the start leaves gridce paused");
        await Eventually.Until(() => Lab[0].Calls().Count(call => call == "virsh domstate gridce") >= 3, TimeSpan.FromSeconds(20), "domstate asked again");
        Lab[0].SetDomain("gridce", "running");
        var outcome = await restart;

        Assert.True(outcome.Succeeded, outcome.Reason);
        Assert.Equal(1, Lab[0].Calls().Count(call => call == "virsh start gridce"));
    }

    [Fact]
    public async Task A_start_the_hypervisor_never_reports_running_fails_once_the_confirmation_time_is_over()
    {
        Lab[0].SetDomain("gridce", "shut off");
        Lab[0].SetStartState("paused");
        using var executor = Lab.Executor(Inventory(), ("Executor:StartConfirmTimeout", "00:00:01"));

        var outcome = await executor.RestartAsync("gridce", "alfa01");

        Assert.False(outcome.Succeeded);
        Assert.Contains("gridce reports 'paused' 1 s after the start, not running", outcome.Reason);
        Assert.True(Lab[0].Calls().Count(call => call == "virsh domstate gridce") >= 3, string.Join("; ", Lab[0].Calls()));
        Assert.True(outcome.MayHaveTakenEffect, "the start was run");
    }

    [Fact]
    public async Task A_vm_already_shut_off_is_only_started()
    {
        Lab[0].SetDomain("gridce", "shut off");
        using var executor = Lab.Executor(Inventory());

        var outcome = await executor.RestartAsync("gridce", "alfa01");

        Assert.True(outcome.Succeeded, outcome.Reason);
        Assert.Equal(["virsh domstate gridce", "virsh start gridce", "virsh domstate gridce"], Lab[0].Calls());
        Assert.Equal("running", Lab[0].DomainState("gridce"));
    }

    [Fact]
    public async Task A_vm_relocated_to_a_host_that_does_not_know_it_is_defined_there_from_shared_storage_after_its_old_host_is_fenced()
    {
        Lab[0].SetDomain("gridce", "running");
        using var executor = Lab.Executor(Inventory());

        var fenced = await executor.FenceAsync("gridce", "alfa01", FenceMethod.Hypervisor);
        var restarted = await executor.RestartAsync("gridce", "alfa02", previousHost: "alfa01");

        Assert.True(fenced.Succeeded, fenced.Reason);
        Assert.True(restarted.Succeeded, restarted.Reason);
        Assert.Equal(["virsh domstate gridce", "virsh destroy gridce", "virsh domstate gridce"], Lab[0].Calls());
        Assert.Equal(
            ["virsh domstate gridce", "virsh list --all --name", $"virsh define {Lab.LibvirtDefinition("gridce")}", "virsh domstate gridce", "virsh start gridce", "virsh domstate gridce"],
            Lab[1].Calls());
        Assert.Equal("shut off", Lab[0].DomainState("gridce"));
        Assert.Equal("running", Lab[1].DomainState("gridce"));
    }

    [Fact]
    public async Task Fencing_a_host_that_runs_nothing_of_the_vm_confirms_it_without_powering_anything_off()
    {
        Lab[0].SetDomain("gridce", "shut off");
        using var executor = Lab.Executor(Inventory());

        var outcome = await executor.FenceAsync("gridce", "alfa01", FenceMethod.Hypervisor);

        Assert.True(outcome.Succeeded, outcome.Reason);
        Assert.Equal(["virsh domstate gridce"], Lab[0].Calls());
    }

    [Fact]
    public async Task A_paused_vm_is_destroyed_before_it_is_started()
    {
        Lab[0].SetDomain("gridce", "paused");
        using var executor = Lab.Executor(Inventory());

        var outcome = await executor.RestartAsync("gridce", "alfa01");

        Assert.True(outcome.Succeeded, outcome.Reason);
        Assert.Equal(["virsh domstate gridce", "virsh destroy gridce", "virsh start gridce", "virsh domstate gridce"], Lab[0].Calls());
    }

    [Fact]
    public async Task A_vm_name_that_virsh_would_read_as_a_domain_id_is_refused_before_any_connection()
    {
        var inventory = new TestInventory().Host("alfa01", Lab[0]).Vm("1042", "alfa01", Lab.LibvirtDefinition("vm1042")).Yaml;
        using var executor = Lab.Executor(inventory);

        var outcome = await executor.RestartAsync("1042", "alfa01");

        Assert.False(outcome.Succeeded);
        Assert.Contains("virsh would read it as a domain id", outcome.Reason);
        Assert.Equal(0, Lab[0].Ssh.Connections);
    }

    [Fact]
    public async Task A_host_whose_inventory_lists_only_ipmi_still_powers_the_vm_off_through_its_hypervisor_when_asked()
    {
        Lab[0].SetDomain("gridce", "running");
        var inventory = new TestInventory()
            .Host("alfa01", Lab[0], fencing: "- method: ipmi\n  address: 127.0.0.1\n  user: admin\n  passwordVariable: NOT_USED")
            .Vm("gridce", "alfa01", Lab.LibvirtDefinition("gridce"));
        using var executor = Lab.Executor(inventory.Yaml);

        var outcome = await executor.FenceAsync("gridce", "alfa01", FenceMethod.Hypervisor);

        Assert.True(outcome.Succeeded, outcome.Reason);
        Assert.Equal(["virsh domstate gridce", "virsh destroy gridce", "virsh domstate gridce"], Lab[0].Calls());
        Assert.Equal("shut off", Lab[0].DomainState("gridce"));
    }

    private string Inventory() => new TestInventory()
        .Host("alfa01", Lab[0])
        .Host("alfa02", Lab[1])
        .Vm("gridce", "alfa01", Lab.LibvirtDefinition("gridce"))
        .Yaml;
}
