using Microsoft.Extensions.Time.Testing;
using ThreeRC.Contracts.Hypervisor;
using ThreeRC.Contracts.Placement;
using ThreeRC.Orchestrator.Tests.Harness;
using ThreeRC.Testing;
using static ThreeRC.Orchestrator.Tests.Harness.Messages;

namespace ThreeRC.Orchestrator.Tests.Persistence;

public sealed class RestartResumeTests : IDisposable
{
    private readonly TempDirectory _data = new("orchestrator-restart");

    [Fact]
    public async Task An_orchestrator_stopped_mid_escalation_resumes_from_its_file_and_its_deadline_still_fires()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 4, 0, 0, TimeSpan.Zero));
        Guid recoveryId;
        await using (var before = await OrchestratorHarness.StartAsync(_data.Path, time: time))
        {
            await before.Publish(Down("web1"));
            recoveryId = (await before.Published<RebootGuest>(m => m.VmName == "web1")).RecoveryId;
            await before.WaitForState("web1", "Rebooting");
        }

        await using var after = await OrchestratorHarness.StartAsync(_data.Path, time: time);
        var saga = await after.StateOf("web1");
        Assert.Equal(("Rebooting", recoveryId), (saga!.CurrentState, saga.RecoveryId));

        Assert.Equal(1, await after.AdvanceAsync(TestInventory.T1));

        var place = await after.Published<PlaceVm>(m => m.VmName == "web1");
        Assert.Equal(recoveryId, place.RecoveryId);
    }

    public void Dispose() => _data.Dispose();
}
