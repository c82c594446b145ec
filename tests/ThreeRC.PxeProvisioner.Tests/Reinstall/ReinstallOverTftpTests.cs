using System.Net;
using ThreeRC.Contracts.Provisioning;
using ThreeRC.PxeProvisioner.Tests.Support;
using ThreeRC.StandIns;
using ThreeRC.Testing;

namespace ThreeRC.PxeProvisioner.Tests.Reinstall;

/// <summary>The provisioner writes into the TFTP root a real dnsmasq serves; the tests read it as a PXE client would.</summary>
public sealed class ReinstallOverTftpTests : IAsyncLifetime
{
    private readonly TempDirectory _data = new("pxe");
    private readonly DnsmasqServer _tftp = new();
    private ProvisionerHost _host = null!;

    public async Task InitializeAsync()
    {
        await _tftp.InitializeAsync();
        _host = await ProvisionerHost.StartAsync(_data, _tftp.TftpRoot);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _tftp.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task Every_VM_boots_from_its_local_disk_after_start()
    {
        foreach (var file in new[] { TestInventory.GridceFile, TestInventory.GridseFile, TestInventory.GridwnFile })
        {
            var served = await _tftp.FetchAsync(file);

            Assert.True(served.ExitCode == 0, $"{file} over TFTP: {served}");
            Assert.Contains("LOCALBOOT 0", served.Output);
            Assert.DoesNotContain("KERNEL", served.Output);
        }
    }

    [Fact]
    public async Task A_reinstall_serves_the_install_stanza_until_the_installer_calls_back_then_local_boot_again()
    {
        var command = Commands.Reinstall("gridce", "grid-ce");

        var prepared = Assert.IsType<ReinstallPrepared>(await _host.PrepareAsync(command));
        var install = (await _tftp.FetchAsync(prepared.PxeConfigFile)).Output;
        var token = PxelinuxEntry.KernelArgument(install, "threerc.token");
        using var completion = await _host.CompleteInstallAsync("gridce", token);
        var completed = await _host.Published.WaitForAsync<InstallCompleted>(message => message.VmName == "gridce");
        var after = await _tftp.FetchAsync(prepared.PxeConfigFile);

        Assert.Equal(TestInventory.GridceFile, prepared.PxeConfigFile);
        Assert.Equal((command.RecoveryId, "grid-ce"), (prepared.RecoveryId, prepared.Profile));
        Assert.Contains("LABEL install", install);
        Assert.Contains("KERNEL images/rhel/vmlinuz", install);
        Assert.Contains("APPEND initrd=images/rhel/initrd.img inst.ks=http://10.0.0.2/ks/grid-ce.cfg threerc.vm=gridce threerc.mac=52:54:00:00:01:01 ", install);
        Assert.Equal($"{_host.BaseUrl}/pxe/vms/gridce/install-completed", PxelinuxEntry.KernelArgument(install, "threerc.callback"));
        Assert.Contains("# role: grid-ce", install);
        Assert.Equal(HttpStatusCode.OK, completion.StatusCode);
        Assert.Equal(command.RecoveryId, completed.RecoveryId);
        Assert.Equal(0, after.ExitCode);
        Assert.Contains("LOCALBOOT 0", after.Output);
        Assert.DoesNotContain(token, after.Output);
    }

    [Fact]
    public async Task The_installer_reads_its_install_configuration_and_role_with_its_token()
    {
        var prepared = Assert.IsType<ReinstallPrepared>(await _host.PrepareAsync(Commands.Reinstall("gridwn", "grid-wn")));
        var install = (await _tftp.FetchAsync(prepared.PxeConfigFile)).Output;
        var token = PxelinuxEntry.KernelArgument(install, "threerc.token");

        using var response = await _host.GetInstallConfigAsync("gridwn", token);
        var config = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(install, config);
        Assert.Contains("# role: worker", config);
        Assert.Equal("worker", PxelinuxEntry.KernelArgument(config, "threerc.role"));
    }

    [Fact]
    public async Task The_previous_entry_is_kept_beside_the_new_one()
    {
        var before = await File.ReadAllTextAsync(Path.Combine(_tftp.TftpRoot, TestInventory.GridceFile));

        await _host.PrepareAsync(Commands.Reinstall("gridce", "grid-ce"));

        Assert.Contains("LOCALBOOT 0", before);
        Assert.Equal(before, await File.ReadAllTextAsync(Path.Combine(_tftp.TftpRoot, TestInventory.GridceFile + ".previous")));
    }

    [Fact]
    public async Task Concurrent_reinstalls_of_two_VMs_write_each_its_own_file_only()
    {
        var gridce = Commands.Reinstall("gridce", "grid-ce");
        var gridwn = Commands.Reinstall("gridwn", "grid-wn");
        var gridseBefore = await File.ReadAllTextAsync(Path.Combine(_tftp.TftpRoot, TestInventory.GridseFile));

        var answers = await Task.WhenAll(_host.PrepareAsync(gridce), _host.PrepareAsync(gridwn));
        var ceFile = (await _tftp.FetchAsync(TestInventory.GridceFile)).Output;
        var wnFile = (await _tftp.FetchAsync(TestInventory.GridwnFile)).Output;

        Assert.All(answers, answer => Assert.IsType<ReinstallPrepared>(answer));
        Assert.Contains($"# recovery: {gridce.RecoveryId}", ceFile);
        Assert.Contains("threerc.vm=gridce ", ceFile);
        Assert.DoesNotContain("gridwn", ceFile);
        Assert.Contains($"# recovery: {gridwn.RecoveryId}", wnFile);
        Assert.Contains("threerc.vm=gridwn ", wnFile);
        Assert.DoesNotContain("gridce", wnFile);
        Assert.NotEqual(PxelinuxEntry.KernelArgument(ceFile, "threerc.token"), PxelinuxEntry.KernelArgument(wnFile, "threerc.token"));
        Assert.Equal(gridseBefore, await File.ReadAllTextAsync(Path.Combine(_tftp.TftpRoot, TestInventory.GridseFile)));
        Assert.Empty(Directory.GetFiles(Path.Combine(_tftp.TftpRoot, "pxelinux.cfg"), ".threerc-*"));
    }
}
