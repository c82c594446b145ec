using ThreeRC.Contracts.Hypervisor;
using ThreeRC.HypervisorExecutor.Tests.Harness;

namespace ThreeRC.HypervisorExecutor.Tests.Drivers;

/// <summary>
/// Every virsh command names the host's libvirt URI, and a domain counts as unknown only when a listing on that URI
/// succeeded without it: a login whose default connection is its own session must not make a running VM look fenced.
/// </summary>
public sealed class LibvirtConnectionTests() : LabTests(hosts: 1)
{
    [Fact]
    public async Task A_running_system_vm_on_a_host_whose_login_sees_only_its_session_by_default_is_destroyed_and_seen_shut_off()
    {
        Lab[0].SetDomain("gridce", "running");
        Lab[0].SetDefaultLibvirtUri("qemu:///session");
        using var executor = Lab.Executor(GridceOnAlfa01());

        var outcome = await executor.FenceAsync("gridce", "alfa01", FenceMethod.Hypervisor);

        Assert.True(outcome.Succeeded, outcome.Reason);
        Assert.Equal(["virsh domstate gridce", "virsh destroy gridce", "virsh domstate gridce"], Lab[0].Calls());
        Assert.Equal("shut off", Lab[0].DomainState("gridce"));
        Assert.Equal(["qemu:///system", "qemu:///system", "qemu:///system"], Lab[0].VirshConnections());
    }

    [Fact]
    public async Task A_vm_the_host_does_not_know_is_fenced_only_after_a_listing_that_does_not_name_it()
    {
        using var executor = Lab.Executor(GridceOnAlfa01());

        var outcome = await executor.FenceAsync("gridce", "alfa01", FenceMethod.Hypervisor);

        Assert.True(outcome.Succeeded, outcome.Reason);
        Assert.Equal(["virsh domstate gridce", "virsh list --all --name"], Lab[0].Calls());
    }

    [Fact]
    public async Task A_listing_that_fails_fails_the_fence()
    {
        Lab[0].SetVirshFault("list", "fail");
        using var executor = Lab.Executor(GridceOnAlfa01());

        var outcome = await executor.FenceAsync("gridce", "alfa01", FenceMethod.Hypervisor);

        Assert.False(outcome.Succeeded);
        Assert.Equal(
            $"{Lab[0].Ssh.User}@127.0.0.1:{Lab[0].Ssh.Port}: virsh cannot find gridce, but listing the domains of qemu:///system failed with exit status 1: "
            + "error: Failed to list: refusing to take it as absent",
            outcome.Reason);
        Assert.False(outcome.MayHaveTakenEffect);
    }

    [Fact]
    public async Task The_libvirt_uri_of_the_inventory_is_the_connection_of_every_virsh_command()
    {
        Lab[0].SetDomain("gridce", "running");
        var inventory = new TestInventory().Host("alfa01", Lab[0], libvirtUri: "qemu:///session").Vm("gridce", "alfa01", Lab.LibvirtDefinition("gridce")).Yaml;
        using var executor = Lab.Executor(inventory);

        var outcome = await executor.RestartAsync("gridce", "alfa01");

        Assert.True(outcome.Succeeded, outcome.Reason);
        Assert.Equal(["virsh domstate gridce", "virsh list --all --name", $"virsh define {Lab.LibvirtDefinition("gridce")}", "virsh domstate gridce",
            "virsh start gridce", "virsh domstate gridce"], Lab[0].Calls());
        Assert.All(Lab[0].VirshConnections(), uri => Assert.Equal("qemu:///session", uri));
        Assert.All(outcome.Commands, line => Assert.Contains(": virsh -c qemu:///session ", line));
    }
}
