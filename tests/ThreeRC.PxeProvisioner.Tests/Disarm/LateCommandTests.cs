using Dapper;
using Microsoft.Extensions.DependencyInjection;
using ThreeRC.Contracts.Provisioning;
using ThreeRC.Contracts.Recovery;
using ThreeRC.PxeProvisioner.Persistence;
using ThreeRC.PxeProvisioner.Tests.Support;
using ThreeRC.Testing;

namespace ThreeRC.PxeProvisioner.Tests.Disarm;

/// <summary>A PrepareReinstall that comes after its incident ended or past its not-after time is refused; one that comes twice is answered twice the same.</summary>
public sealed class LateCommandTests : IDisposable
{
    private readonly TempDirectory _data = new("pxe-late");

    private string TftpRoot => _data.Combine("tftp");

    private string GridceEntry => Path.Combine(TftpRoot, TestInventory.GridceFile);

    [Fact]
    public async Task A_PrepareReinstall_for_an_incident_that_has_ended_is_refused_and_the_entry_stays_on_local_boot()
    {
        await using var host = await ProvisionerHost.StartAsync(_data, TftpRoot);
        var recoveryId = Guid.NewGuid();
        var localBoot = await File.ReadAllTextAsync(GridceEntry);
        await host.EndIncidentAsync(Commands.Ended(recoveryId, "gridce", RecoveryOutcome.Recovered));

        var refused = Assert.IsType<ReinstallRefused>(await host.PrepareAsync(Commands.ReinstallFor(recoveryId, "gridce", "grid-ce")));

        Assert.StartsWith($"incident {recoveryId} of gridce already ended (Recovered at ", refused.Reason);
        Assert.EndsWith("a reinstall now would wipe a VM nobody is recovering", refused.Reason);
        Assert.Equal(localBoot, await File.ReadAllTextAsync(GridceEntry));
        Assert.Null(await host.TokenOfAsync("gridce"));
    }

    [Fact]
    public async Task The_end_of_an_incident_is_remembered_across_a_restart()
    {
        var recoveryId = Guid.NewGuid();
        await using (var first = await ProvisionerHost.StartAsync(_data, TftpRoot))
            await first.EndIncidentAsync(Commands.Ended(recoveryId, "gridce", RecoveryOutcome.Failed));

        await using var second = await ProvisionerHost.StartAsync(_data, TftpRoot);
        var refused = Assert.IsType<ReinstallRefused>(await second.PrepareAsync(Commands.ReinstallFor(recoveryId, "gridce", "grid-ce")));

        Assert.StartsWith($"incident {recoveryId} of gridce already ended (Failed at ", refused.Reason);
        Assert.DoesNotContain("LABEL install", await File.ReadAllTextAsync(GridceEntry));
    }

    [Fact]
    public async Task A_PrepareReinstall_past_its_not_after_time_is_refused_and_writes_nothing()
    {
        await using var host = await ProvisionerHost.StartAsync(_data, TftpRoot);
        var localBoot = await File.ReadAllTextAsync(GridceEntry);
        var late = Commands.Reinstall("gridce", "grid-ce", DateTimeOffset.UtcNow.AddMinutes(-11));

        var refused = Assert.IsType<ReinstallRefused>(await host.PrepareAsync(late));

        Assert.StartsWith("the command came at ", refused.Reason);
        Assert.EndsWith($"after its not-after time {late.NotAfter:O}; the orchestrator has moved on", refused.Reason);
        Assert.Equal(localBoot, await File.ReadAllTextAsync(GridceEntry));
        Assert.Null(await host.TokenOfAsync("gridce"));
    }

    [Fact]
    public async Task A_PrepareReinstall_that_comes_twice_is_answered_twice_the_same_and_arms_once_with_one_token()
    {
        await using var host = await ProvisionerHost.StartAsync(_data, TftpRoot);
        var command = Commands.Reinstall("gridce", "grid-ce");
        var first = Assert.IsType<ReinstallPrepared>(await host.PrepareAsync(command));
        var armed = await File.ReadAllTextAsync(GridceEntry);
        var token = await host.TokenOfAsync("gridce");

        await host.PublishAsync(command);
        var answers = await Eventually.Until(
            () => Task.FromResult(host.Published.Of<ReinstallPrepared>().Where(answer => answer.CommandId == command.CommandId).ToList()),
            answers => answers.Count == 2, TimeSpan.FromSeconds(30), "a second answer to the repeated command");

        Assert.Equal(first, answers[1]);
        Assert.Equal(armed, await File.ReadAllTextAsync(GridceEntry));
        Assert.Equal(token, await host.TokenOfAsync("gridce"));
        Assert.Empty(host.Published.Of<ReinstallRefused>());
        await using var connection = await host.Services.GetRequiredService<PxeDatabase>().OpenAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM prepare_answers"));
    }

    [Fact]
    public async Task A_refused_PrepareReinstall_that_comes_twice_gets_the_same_refusal()
    {
        await using var host = await ProvisionerHost.StartAsync(_data, TftpRoot);
        var command = Commands.Reinstall("gridse", "grid-se");
        var first = Assert.IsType<ReinstallRefused>(await host.PrepareAsync(command));

        await host.PublishAsync(command);
        var answers = await Eventually.Until(
            () => Task.FromResult(host.Published.Of<ReinstallRefused>().Where(answer => answer.CommandId == command.CommandId).ToList()),
            answers => answers.Count == 2, TimeSpan.FromSeconds(30), "a second answer to the repeated command");

        Assert.Equal(first, answers[1]);
    }

    public void Dispose() => _data.Dispose();
}
