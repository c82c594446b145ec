using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using ThreeRC.PxeProvisioner.Tests.Support;
using ThreeRC.Testing;

namespace ThreeRC.PxeProvisioner.Tests.Disarm;

/// <summary>At start, an entry found on the installer with no live token goes back to local boot before any command is taken.</summary>
public sealed class StartupTests : IAsyncLifetime
{
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(30);
    private readonly TempDirectory _data = new("pxe-startup");
    private readonly DnsmasqServer _tftp = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));
    private readonly Dictionary<string, string?> _settings = new() { ["Pxe:TokenLifetime"] = TokenLifetime.ToString() };

    public Task InitializeAsync() => _tftp.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _tftp.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task An_entry_whose_token_expired_while_the_provisioner_was_down_is_restored_at_start()
    {
        var command = await ArmGridceAsync(_data);
        _time.Advance(TokenLifetime);

        await using var restarted = await ProvisionerHost.StartAsync(_data, _tftp.TftpRoot, _time, settings: _settings);

        await AssertRestoredAtStartAsync(restarted, command.RecoveryId, "found armed at start: the token expired at 2026-11-26T08:30:00.0000000+00:00");
    }

    [Fact]
    public async Task An_entry_armed_with_no_token_for_its_incident_is_restored_at_start()
    {
        var command = await ArmGridceAsync(_data);
        using var freshDatabase = new TempDirectory("pxe-startup-fresh");

        await using var restarted = await ProvisionerHost.StartAsync(freshDatabase, _tftp.TftpRoot, _time, settings: _settings);

        await AssertRestoredAtStartAsync(restarted, command.RecoveryId, "found armed at start: no token was issued for the incident that armed it");
    }

    [Fact]
    public async Task An_entry_with_a_live_token_is_kept_at_start_and_says_so()
    {
        var command = await ArmGridceAsync(_data);
        var armed = (await _tftp.FetchAsync(TestInventory.GridceFile)).Output;
        _time.Advance(TokenLifetime - TimeSpan.FromSeconds(1));

        await using var restarted = await ProvisionerHost.StartAsync(_data, _tftp.TftpRoot, _time, settings: _settings);

        Assert.Equal(armed, (await _tftp.FetchAsync(TestInventory.GridceFile)).Output);
        Assert.Contains(restarted.Logs, log => log.Message ==
            $"{TestInventory.GridceFile} stays on the installer for gridce: the token of incident {command.RecoveryId} is live until 2026-11-26T08:30:00.0000000+00:00");
    }

    private async Task<ThreeRC.Contracts.Provisioning.PrepareReinstall> ArmGridceAsync(TempDirectory data)
    {
        var command = Commands.Reinstall("gridce", "grid-ce", _time.GetUtcNow());
        await using var first = await ProvisionerHost.StartAsync(data, _tftp.TftpRoot, _time, settings: _settings);
        await first.PrepareAsync(command);
        Assert.Contains("LABEL install", (await _tftp.FetchAsync(TestInventory.GridceFile)).Output);
        return command;
    }

    private async Task AssertRestoredAtStartAsync(ProvisionerHost restarted, Guid recoveryId, string reason)
    {
        var served = await _tftp.FetchAsync(TestInventory.GridceFile);
        Assert.True(served.ExitCode == 0, $"{TestInventory.GridceFile} over TFTP: {served}");
        Assert.Contains("LOCALBOOT 0", served.Output);
        Assert.DoesNotContain("KERNEL", served.Output);
        var logged = Assert.Single(restarted.Logs, log => log.Message.Contains("without the installer", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, logged.Level);
        Assert.Equal($"{TestInventory.GridceFile} boots gridce from its local disk again, without the installer (recovery {recoveryId}): {reason}", logged.Message);
    }
}
