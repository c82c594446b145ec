using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using ThreeRC.Contracts.Provisioning;
using ThreeRC.PxeProvisioner.Provisioning;
using ThreeRC.PxeProvisioner.Tests.Support;
using ThreeRC.StandIns;
using ThreeRC.Testing;

namespace ThreeRC.PxeProvisioner.Tests.Disarm;

/// <summary>Once its token has expired, an entry is put back to local boot by the sweep and its token revoked.</summary>
public sealed class TokenExpiryTests : IAsyncLifetime
{
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(30);
    // The sweeper ticks every hour: never in the first half hour, where a test sweeps by hand (a round of the running
    // sweeper still at work when the clock passed an expiry would restore the entry before the hand sweep).
    private static readonly TimeSpan SweepInterval = TimeSpan.FromHours(1);
    private readonly TempDirectory _data = new("pxe-expiry");
    private readonly DnsmasqServer _tftp = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));
    private ProvisionerHost _host = null!;

    public async Task InitializeAsync()
    {
        await _tftp.InitializeAsync();
        _host = await ProvisionerHost.StartAsync(_data, _tftp.TftpRoot, _time, settings: new Dictionary<string, string?>
        {
            ["Pxe:TokenLifetime"] = TokenLifetime.ToString(),
            ["Pxe:SweepInterval"] = SweepInterval.ToString(),
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _tftp.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task When_the_token_expires_the_next_sweep_puts_the_entry_back_to_local_boot_and_revokes_the_token()
    {
        var command = Commands.Reinstall("gridce", "grid-ce", _time.GetUtcNow());
        await _host.PrepareAsync(command);
        var armed = (await _tftp.FetchAsync(TestInventory.GridceFile)).Output;

        _time.Advance(TokenLifetime + SweepInterval);
        var after = await Eventually.Until(
            () => _tftp.FetchAsync(TestInventory.GridceFile), fetched => fetched.Output.Contains("LOCALBOOT 0"), TimeSpan.FromSeconds(30),
            $"{TestInventory.GridceFile} served as local boot over TFTP");
        using var lateCallBack = await _host.CompleteInstallAsync("gridce", PxelinuxEntry.KernelArgument(armed, "threerc.token"));

        Assert.Contains("LABEL install", armed);
        Assert.DoesNotContain("KERNEL", after.Output);
        Assert.Equal(HttpStatusCode.Forbidden, lateCallBack.StatusCode);
        Assert.Empty(_host.Published.Of<InstallCompleted>());
        var token = (await _host.TokenOfAsync("gridce"))!;
        Assert.Equal($"the token expired at {token.ExpiresAt:O}", token.RevokedBecause);
        Assert.Contains(_host.Logs, log => log.Level == LogLevel.Warning && log.Message ==
            $"{TestInventory.GridceFile} boots gridce from its local disk again, without the installer (recovery {command.RecoveryId}): the token expired at {token.ExpiresAt:O}");
    }

    [Fact]
    public async Task A_sweep_restores_only_the_entries_whose_token_has_expired()
    {
        await _host.PrepareAsync(Commands.Reinstall("gridce", "grid-ce", _time.GetUtcNow()));
        _time.Advance(TokenLifetime - TimeSpan.FromSeconds(30));
        await _host.PrepareAsync(Commands.Reinstall("gridwn", "grid-wn", _time.GetUtcNow()));
        var gridwnArmed = (await _tftp.FetchAsync(TestInventory.GridwnFile)).Output;
        _time.Advance(TimeSpan.FromSeconds(30));

        var restored = await _host.Services.GetRequiredService<ArmedEntrySweep>().SweepAsync(atStart: false, CancellationToken.None);

        Assert.Equal(1, restored);
        Assert.Contains("LOCALBOOT 0", (await _tftp.FetchAsync(TestInventory.GridceFile)).Output);
        Assert.Equal(gridwnArmed, (await _tftp.FetchAsync(TestInventory.GridwnFile)).Output);
        Assert.Null((await _host.TokenOfAsync("gridwn"))!.RevokedAt);
    }
}
