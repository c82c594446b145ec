using System.Net;
using Microsoft.Extensions.Time.Testing;
using ThreeRC.Contracts.Provisioning;
using ThreeRC.PxeProvisioner.Tests.Support;
using ThreeRC.StandIns;
using ThreeRC.Testing;

namespace ThreeRC.PxeProvisioner.Tests.Callback;

/// <summary>A wrong, reused or expired token is answered 403 and changes nothing.</summary>
public sealed class InstallTokenTests : IAsyncLifetime
{
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(30);
    private readonly TempDirectory _data = new("pxe-token");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));
    private ProvisionerHost _host = null!;

    private string TftpRoot => _data.Combine("tftp");

    public async Task InitializeAsync() =>
        _host = await ProvisionerHost.StartAsync(_data, TftpRoot, _time,
            settings: new Dictionary<string, string?>
            {
                ["Pxe:TokenLifetime"] = TokenLifetime.ToString(),

                // These tests are about the call-back alone: the sweep of expired tokens (Disarm/TokenExpiryTests) stays out of the way.
                ["Pxe:SweepInterval"] = "01:00:00",
            });

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task A_wrong_token_is_answered_403_and_the_install_stays_pending()
    {
        var (_, install) = await PrepareGridceAsync();
        var wrong = PxelinuxEntry.KernelArgument(install, "threerc.token")[..^4] + "AAAA";

        using var response = await _host.CompleteInstallAsync("gridce", wrong);

        await AssertNothingChangedAsync(response, install);
    }

    [Fact]
    public async Task A_call_back_without_a_token_is_answered_403()
    {
        var (_, install) = await PrepareGridceAsync();

        using var response = await _host.CompleteInstallAsync("gridce", token: null);

        await AssertNothingChangedAsync(response, install);
    }

    [Fact]
    public async Task A_used_token_is_answered_403_and_publishes_nothing_more()
    {
        var (_, install) = await PrepareGridceAsync();
        var token = PxelinuxEntry.KernelArgument(install, "threerc.token");
        using var first = await _host.CompleteInstallAsync("gridce", token);
        await _host.Published.WaitForAsync<InstallCompleted>(_ => true);
        var localBoot = await ReadGridceAsync();

        using var second = await _host.CompleteInstallAsync("gridce", token);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, second.StatusCode);
        Assert.Single(_host.Published.Of<InstallCompleted>());
        Assert.Equal(localBoot, await ReadGridceAsync());
    }

    [Fact]
    public async Task An_expired_token_is_answered_403_and_the_call_back_changes_nothing()
    {
        var (_, install) = await PrepareGridceAsync();
        _time.Advance(TokenLifetime);

        using var response = await _host.CompleteInstallAsync("gridce", PxelinuxEntry.KernelArgument(install, "threerc.token"));

        await AssertNothingChangedAsync(response, install);
    }

    [Fact]
    public async Task A_token_just_before_it_expires_is_accepted()
    {
        var (_, install) = await PrepareGridceAsync();
        _time.Advance(TokenLifetime - TimeSpan.FromSeconds(1));

        using var response = await _host.CompleteInstallAsync("gridce", PxelinuxEntry.KernelArgument(install, "threerc.token"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_token_of_one_VM_does_not_complete_another()
    {
        var (_, install) = await PrepareGridceAsync();
        await _host.PrepareAsync(Commands.Reinstall("gridwn", "grid-wn"));

        using var response = await _host.CompleteInstallAsync("gridwn", PxelinuxEntry.KernelArgument(install, "threerc.token"));

        await AssertNothingChangedAsync(response, install);
        Assert.Contains("LABEL install", await File.ReadAllTextAsync(Path.Combine(TftpRoot, TestInventory.GridwnFile)));
    }

    [Fact]
    public async Task A_new_reinstall_voids_the_token_of_the_one_before()
    {
        var (_, older) = await PrepareGridceAsync();
        var (_, newer) = await PrepareGridceAsync();

        using var response = await _host.CompleteInstallAsync("gridce", PxelinuxEntry.KernelArgument(older, "threerc.token"));

        await AssertNothingChangedAsync(response, newer);
    }

    [Fact]
    public async Task The_install_configuration_is_not_served_without_a_valid_token()
    {
        var (_, install) = await PrepareGridceAsync();

        using var none = await _host.GetInstallConfigAsync("gridce", token: null);
        using var wrong = await _host.GetInstallConfigAsync("gridce", "not-the-token");
        using var unknown = await _host.GetInstallConfigAsync("nosuchvm", PxelinuxEntry.KernelArgument(install, "threerc.token"));

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden], [none.StatusCode, wrong.StatusCode, unknown.StatusCode]);
        Assert.DoesNotContain("threerc.token", await none.Content.ReadAsStringAsync() + await wrong.Content.ReadAsStringAsync());
    }

    private async Task<(ReinstallPrepared Prepared, string Install)> PrepareGridceAsync()
    {
        var prepared = Assert.IsType<ReinstallPrepared>(await _host.PrepareAsync(Commands.Reinstall("gridce", "grid-ce")));
        return (prepared, await ReadGridceAsync());
    }

    private Task<string> ReadGridceAsync() => File.ReadAllTextAsync(Path.Combine(TftpRoot, TestInventory.GridceFile));

    private async Task AssertNothingChangedAsync(HttpResponseMessage response, string install)
    {
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(install, await ReadGridceAsync());
        Assert.Empty(_host.Published.Of<InstallCompleted>());
    }
}
