using Dapper;
using Microsoft.Extensions.DependencyInjection;
using ThreeRC.Contracts.Provisioning;
using ThreeRC.PxeProvisioner.Persistence;
using ThreeRC.PxeProvisioner.Provisioning;
using ThreeRC.PxeProvisioner.Pxelinux;
using ThreeRC.PxeProvisioner.Tests.Support;
using ThreeRC.StandIns;
using ThreeRC.Testing;

namespace ThreeRC.PxeProvisioner.Tests.Reinstall;

public sealed class CrashTests : IDisposable
{
    private readonly TempDirectory _data = new("pxe-crash");
    private readonly CrashingWriter _writer = new();

    private string TftpRoot => _data.Combine("tftp");

    private string GridceEntry => Path.Combine(TftpRoot, TestInventory.GridceFile);

    [Fact]
    public async Task A_crash_between_writing_and_renaming_leaves_the_local_boot_entry_and_issues_no_token()
    {
        await using var host = await ProvisionerHost.StartAsync(_data, TftpRoot, writer: _writer);
        var before = await File.ReadAllTextAsync(GridceEntry);
        _writer.Arm();

        await using var scope = host.Services.CreateAsyncScope();
        var preparer = scope.ServiceProvider.GetRequiredService<ReinstallPreparer>();
        await Assert.ThrowsAsync<IOException>(() => preparer.PrepareAsync(Commands.Reinstall("gridce", "grid-ce"), CancellationToken.None));

        var (targetAtCrash, tempAtCrash) = Assert.Single(_writer.SeenAtCrash);
        Assert.Equal(before, targetAtCrash);
        Assert.Contains("LABEL install", tempAtCrash);
        Assert.Equal(before, await File.ReadAllTextAsync(GridceEntry));
        await using var connection = await host.Services.GetRequiredService<PxeDatabase>().OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM install_tokens"));
    }

    [Fact]
    public async Task A_reinstall_whose_write_crashed_once_is_prepared_on_the_retry()
    {
        await using var host = await ProvisionerHost.StartAsync(_data, TftpRoot, writer: _writer);
        _writer.Arm(crashes: 1);

        var prepared = Assert.IsType<ReinstallPrepared>(await host.PrepareAsync(Commands.Reinstall("gridce", "grid-ce")));

        Assert.Single(_writer.SeenAtCrash);
        Assert.Contains("LABEL install", await File.ReadAllTextAsync(Path.Combine(TftpRoot, prepared.PxeConfigFile)));
    }

    [Fact]
    public async Task A_restart_removes_what_a_crash_left_and_keeps_a_pending_install()
    {
        await using (var first = await ProvisionerHost.StartAsync(_data, TftpRoot))
            await first.PrepareAsync(Commands.Reinstall("gridce", "grid-ce"));
        var pending = await File.ReadAllTextAsync(GridceEntry);
        var leftover = Path.Combine(TftpRoot, "pxelinux.cfg", ".threerc-01-52-54-00-00-01-01.0123456789abcdef.tmp");
        await File.WriteAllTextAsync(leftover, "half an entry");
        File.SetLastWriteTimeUtc(leftover, DateTime.UtcNow - AtomicFileWriter.LeftoverAge - TimeSpan.FromSeconds(1));

        await using var second = await ProvisionerHost.StartAsync(_data, TftpRoot);
        var afterRestart = await File.ReadAllTextAsync(GridceEntry);
        using var completion = await second.CompleteInstallAsync("gridce", PxelinuxEntry.KernelArgument(pending, "threerc.token"));

        Assert.False(File.Exists(leftover));
        Assert.Equal(pending, afterRestart);
        Assert.Equal(System.Net.HttpStatusCode.OK, completion.StatusCode);
        Assert.Contains("LOCALBOOT 0", await File.ReadAllTextAsync(GridceEntry));
    }

    public void Dispose() => _data.Dispose();
}
