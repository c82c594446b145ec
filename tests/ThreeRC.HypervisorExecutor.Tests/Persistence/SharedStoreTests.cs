using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ThreeRC.Contracts.Hypervisor;
using ThreeRC.HypervisorExecutor.Execution;
using ThreeRC.HypervisorExecutor.Ledger;
using ThreeRC.HypervisorExecutor.Persistence;
using ThreeRC.HypervisorExecutor.Ssh;
using ThreeRC.HypervisorExecutor.Tests.Harness;
using ThreeRC.Testing;

namespace ThreeRC.HypervisorExecutor.Tests.Persistence;

/// <summary>Executor instances sharing one store (as on PostgreSQL): a command runs once, a host's places are shared.</summary>
public sealed class SharedStoreTests : IAsyncLifetime
{
    private readonly TempDirectory _data = new("executor-shared");
    private readonly List<LeaseDatabase> _databases = [];
    private readonly List<InstanceLeases> _leases = [];

    [Fact]
    public async Task A_command_delivered_to_two_instances_at_once_runs_on_one_and_the_other_answers_that_it_may_have_taken_effect()
    {
        await using var first = ConsumerBus.Create(new ScriptedExecutor(new InvalidOperationException("not called")), _data.Path, TimeProvider.System);
        await using var second = ConsumerBus.Create(new ScriptedExecutor(new InvalidOperationException("not called")), _data.Path, TimeProvider.System);
        var ticket = CommandTicket.Of(new RestartVm(Guid.NewGuid(), "gridce", Guid.NewGuid(), "alfa01", null, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddMinutes(5)));
        var runs = 0;
        var release = new TaskCompletionSource();
        Func<CancellationToken, Task<ActionOutcome>> restart = async cancel =>
        {
            Interlocked.Increment(ref runs);
            await release.Task.WaitAsync(cancel);
            return ActionOutcome.Done(["virsh start gridce"], DateTimeOffset.UtcNow);
        };

        Task<ActionOutcome>[] calls =
        [
            first.GetRequiredService<CommandLedger>().RunOnceAsync(ticket, restart, CancellationToken.None),
            second.GetRequiredService<CommandLedger>().RunOnceAsync(ticket, restart, CancellationToken.None),
        ];
        // The command runs until the instance that did not run it has answered (or 30 s, should both have run it).
        await Task.WhenAny(Task.WhenAny(calls), Task.Delay(TimeSpan.FromSeconds(30)));
        release.SetResult();
        var outcomes = await Task.WhenAll(calls);

        Assert.Equal(1, runs);
        Assert.Single(outcomes, outcome => outcome.Succeeded);
        Assert.Single(outcomes, outcome => !outcome.Succeeded && outcome.MayHaveTakenEffect);
    }

    [Fact]
    public async Task A_place_taken_by_one_instance_is_waited_for_by_another_until_it_is_given_back()
    {
        var (one, other) = (await LeasesAsync(), await LeasesAsync());
        var taken = await one.TakeAsync("ssh:10.0.0.11", 1, TimeSpan.FromSeconds(30), CancellationToken.None);

        var waiting = other.TakeAsync("ssh:10.0.0.11", 1, TimeSpan.FromSeconds(30), CancellationToken.None);
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        Assert.False(waiting.IsCompleted, "the second instance took the host's only place while the first held it");

        await taken.DisposeAsync();
        await using var mine = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        await using var elsewhere = await one.TakeAsync("ssh:10.0.0.12", 1, TimeSpan.FromSeconds(30), CancellationToken.None);
    }

    [Fact]
    public async Task A_place_held_by_an_instance_that_died_lapses_within_a_term_however_long_its_work_could_last()
    {
        // A term of 6 s, renewed every 2 s: a busy machine may delay one renewal by a few seconds without losing the place.
        var term = TimeSpan.FromSeconds(6);
        var (dead, living) = (await LeasesAsync(term), await LeasesAsync(term));
        _ = await dead.TakeAsync("bmc:10.0.1.11:623", 1, TimeSpan.FromMinutes(2), CancellationToken.None);

        var waiting = living.TakeAsync("bmc:10.0.1.11:623", 1, TimeSpan.FromMinutes(2), CancellationToken.None);
        await Task.Delay(term + TimeSpan.FromSeconds(2));
        Assert.False(waiting.IsCompleted, "the place was taken while its holder was alive and renewing it");
        dead.Dispose();

        await using var taken = await waiting.WaitAsync(term + TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task A_host_with_two_places_serves_two_instances_and_a_third_gives_up_after_its_hold_without_sending_anything()
    {
        var (one, two, three) = (await LeasesAsync(), await LeasesAsync(), await LeasesAsync());
        await using var first = await one.TakeAsync("ssh:10.0.0.11", 2, TimeSpan.FromSeconds(30), CancellationToken.None);
        await using var second = await two.TakeAsync("ssh:10.0.0.11", 2, TimeSpan.FromSeconds(30), CancellationToken.None);

        var refused = await Assert.ThrowsAsync<RemoteCommandException>(() => three.TakeAsync("ssh:10.0.0.11", 2, TimeSpan.FromSeconds(1), CancellationToken.None));

        Assert.Equal("ssh:10.0.0.11: no place within 1 s: its 2 place(s) stayed taken by other executor instances; nothing was sent", refused.Message);
    }

    private async Task<InstanceLeases> LeasesAsync(TimeSpan? term = null)
    {
        var database = new LeaseDatabase(Microsoft.Extensions.Options.Options.Create(TestStorage.Options(_data.Path)));
        _databases.Add(database);
        await database.MigrateAsync();
        var leases = new InstanceLeases(database, TimeProvider.System, NullLogger<InstanceLeases>.Instance, term);
        _leases.Add(leases);
        return leases;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var leases in _leases) leases.Dispose();
        foreach (var database in _databases) await database.DisposeAsync();
        _data.Dispose();
    }
}
