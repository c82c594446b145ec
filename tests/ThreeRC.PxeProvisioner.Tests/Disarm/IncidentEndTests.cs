using System.Net;
using Microsoft.Extensions.Logging;
using ThreeRC.Contracts.Provisioning;
using ThreeRC.Contracts.Recovery;
using ThreeRC.PxeProvisioner.Tests.Support;
using ThreeRC.StandIns;
using ThreeRC.Testing;

namespace ThreeRC.PxeProvisioner.Tests.Disarm;

/// <summary>
/// The entry goes back to local boot when the incident that armed it ends, whatever its outcome, and not when an
/// older incident's end comes late; read over TFTP from a real dnsmasq, as the VM's next network boot would.
/// </summary>
public sealed class IncidentEndTests : IAsyncLifetime
{
    private readonly TempDirectory _data = new("pxe-incident-end");
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

    [Theory]
    [InlineData(RecoveryOutcome.Recovered)]
    [InlineData(RecoveryOutcome.Failed)]
    [InlineData(RecoveryOutcome.Cancelled)]
    public async Task An_incident_that_ends_while_its_entry_is_armed_leaves_the_entry_on_local_boot_and_voids_its_token(RecoveryOutcome outcome)
    {
        var command = Commands.Reinstall("gridce", "grid-ce");
        Assert.IsType<ReinstallPrepared>(await _host.PrepareAsync(command));
        var armed = (await _tftp.FetchAsync(TestInventory.GridceFile)).Output;

        await _host.EndIncidentAsync(Commands.Ended(command.RecoveryId, "gridce", outcome));
        var after = await _tftp.FetchAsync(TestInventory.GridceFile);
        using var lateCallBack = await _host.CompleteInstallAsync("gridce", PxelinuxEntry.KernelArgument(armed, "threerc.token"));

        Assert.Contains("LABEL install", armed);
        Assert.True(after.ExitCode == 0, $"{TestInventory.GridceFile} over TFTP: {after}");
        Assert.Contains("LOCALBOOT 0", after.Output);
        Assert.DoesNotContain("KERNEL", after.Output);
        Assert.Equal(HttpStatusCode.Forbidden, lateCallBack.StatusCode);
        Assert.Empty(_host.Published.Of<InstallCompleted>());
        Assert.Equal($"incident ended {outcome}", (await _host.TokenOfAsync("gridce"))!.RevokedBecause);
        var logged = Assert.Single(_host.Logs, log => log.Message.Contains("without the installer", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Information, logged.Level);
        Assert.Equal(
            $"{TestInventory.GridceFile} boots gridce from its local disk again, without the installer (recovery {command.RecoveryId}): incident ended {outcome}",
            logged.Message);
    }

    [Fact]
    public async Task The_end_of_an_older_incident_leaves_an_entry_armed_by_a_newer_one()
    {
        var older = Commands.Reinstall("gridce", "grid-ce");
        var newer = Commands.Reinstall("gridce", "grid-ce");
        await _host.PrepareAsync(older);
        await _host.PrepareAsync(newer);
        var armedByNewer = (await _tftp.FetchAsync(TestInventory.GridceFile)).Output;

        await _host.EndIncidentAsync(Commands.Ended(older.RecoveryId, "gridce", RecoveryOutcome.Failed));
        var after = (await _tftp.FetchAsync(TestInventory.GridceFile)).Output;
        using var callBack = await _host.CompleteInstallAsync("gridce", PxelinuxEntry.KernelArgument(armedByNewer, "threerc.token"));

        Assert.Contains($"# recovery: {newer.RecoveryId}", armedByNewer);
        Assert.Equal(armedByNewer, after);
        Assert.Equal(HttpStatusCode.OK, callBack.StatusCode);
        Assert.Equal(newer.RecoveryId, (await _host.Published.WaitForAsync<InstallCompleted>(_ => true)).RecoveryId);
        Assert.Contains(_host.Logs, log => log.Message.Contains($"stays on the installer, armed by incident {newer.RecoveryId}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task After_the_installer_called_back_the_end_of_its_incident_changes_nothing()
    {
        var command = Commands.Reinstall("gridwn", "grid-wn");
        await _host.PrepareAsync(command);
        var armed = (await _tftp.FetchAsync(TestInventory.GridwnFile)).Output;
        using var callBack = await _host.CompleteInstallAsync("gridwn", PxelinuxEntry.KernelArgument(armed, "threerc.token"));
        var localBoot = (await _tftp.FetchAsync(TestInventory.GridwnFile)).Output;

        await _host.EndIncidentAsync(Commands.Ended(command.RecoveryId, "gridwn", RecoveryOutcome.Recovered));

        Assert.Equal(HttpStatusCode.OK, callBack.StatusCode);
        Assert.Contains("LOCALBOOT 0", localBoot);
        Assert.Equal(localBoot, (await _tftp.FetchAsync(TestInventory.GridwnFile)).Output);
        Assert.Null((await _host.TokenOfAsync("gridwn"))!.RevokedAt);
        Assert.DoesNotContain(_host.Logs, log => log.Message.Contains("without the installer", StringComparison.Ordinal));
    }
}
