using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ThreeRC.Contracts.Hypervisor;
using ThreeRC.HypervisorExecutor.Execution;
using ThreeRC.HypervisorExecutor.Ledger;
using ThreeRC.HypervisorExecutor.Persistence;
using ThreeRC.HypervisorExecutor.Tests.Harness;
using ThreeRC.Testing;

namespace ThreeRC.HypervisorExecutor.Tests.Ledger;

/// <summary>Old records go, by their not-after time, so that a command whose record is gone can only be refused.</summary>
public sealed class RecordPruningTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 6, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _data = new("executor-pruning");

    [Fact]
    public async Task Records_whose_not_after_time_is_before_the_cutoff_are_deleted_and_the_others_kept()
    {
        await using var provider = ConsumerBus.Create(new ScriptedExecutor(new InvalidOperationException("not called")), _data.Path, new FakeTimeProvider(Now));
        var store = provider.GetRequiredService<CommandRecordStore>();
        var old = Ticket(notAfter: Now.AddDays(-8));
        var recent = Ticket(notAfter: Now.AddDays(-6));
        await store.InsertAsync(old, Now.AddDays(-8), ActionOutcome.Done([], Now.AddDays(-8)), CancellationToken.None);
        await store.InsertAsync(recent, Now.AddDays(-6), outcome: null, CancellationToken.None);

        var pruned = await store.PruneAsync(Now - TimeSpan.FromDays(7), CancellationToken.None);

        Assert.Equal(1, pruned);
        Assert.Null(await store.FindAsync(old.CommandId, CancellationToken.None));
        Assert.NotNull(await store.FindAsync(recent.CommandId, CancellationToken.None));
    }

    public void Dispose() => _data.Dispose();

    private static CommandTicket Ticket(DateTimeOffset notAfter) =>
        CommandTicket.Of(new FenceHost(Guid.NewGuid(), "gridce", Guid.NewGuid(), "alfa01", FenceMethod.Hypervisor, 1, notAfter.AddMinutes(-5), notAfter));
}
