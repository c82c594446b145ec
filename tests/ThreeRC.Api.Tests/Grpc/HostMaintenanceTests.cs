using Grpc.Core;
using ThreeRC.Api.Tests.Fixtures;
using ThreeRC.Api.V1;
using ThreeRC.Contracts.Hypervisor;
using RecoveryRequested = ThreeRC.Contracts.Recovery.RecoveryRequested;

namespace ThreeRC.Api.Tests.Grpc;

/// <summary>
/// A recovery of a VM whose physical host is in maintenance: the host is the one the VM runs on now, as the read
/// model knows it, not its home. The maintenance would get in the way of other classes' tests, so this Api is its own.
/// </summary>
public sealed class HostMaintenanceTests : IAsyncLifetime
{
    private ApiHost _api = null!;

    public async Task InitializeAsync()
    {
        _api = await ApiHost.StartAsync();
        await _api.PublishAsync(new VmRestarted(Guid.NewGuid(), "db07", Guid.NewGuid(), "alfa04", [], DateTimeOffset.UtcNow));
        await _api.Operations.SetMaintenanceAsync(new SetMaintenanceRequest
        {
            Target = MaintenanceTarget.Host, Name = "alfa04", InMaintenance = true, Reason = "rack move", RequestedBy = "alice",
        });
        await _api.DrainAsync();
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task A_recovery_of_a_VM_whose_current_host_is_in_maintenance_is_FailedPrecondition_and_says_how_to_end_it()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _api.Operations.TriggerRecoveryAsync(Recovery("db07")).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal("alfa04, the host of db07, is in maintenance (rack move); take it out first: threerc maintenance off host alfa04", error.Status.Detail);
    }

    [Fact]
    public async Task A_VM_whose_home_is_that_host_but_that_runs_elsewhere_is_not_held_back_and_one_still_home_there_is()
    {
        await _api.PublishAsync(new VmRestarted(Guid.NewGuid(), "db06", Guid.NewGuid(), "alfa02", [], DateTimeOffset.UtcNow));
        await _api.DrainAsync();

        await _api.Operations.TriggerRecoveryAsync(Recovery("db06"));
        var stillHome = await Assert.ThrowsAsync<RpcException>(() => _api.Operations.TriggerRecoveryAsync(Recovery("db03")).ResponseAsync);

        Assert.Single(await _api.Received.AwaitAsync<RecoveryRequested>(request => request.VmName == "db06"));
        Assert.Equal(StatusCode.FailedPrecondition, stillHome.StatusCode);
        Assert.StartsWith("alfa04, the host of db03, is in maintenance", stillHome.Status.Detail);
    }

    [Fact]
    public async Task The_plan_says_no_intervention_while_the_host_is_in_maintenance()
    {
        var plan = await _api.Recoveries.PlanRecoveryAsync(new PlanRecoveryRequest { VmName = "db07" });

        Assert.Equal(RecoveryLevel.Unspecified, plan.Level);
        Assert.Equal("its physical host alfa04 is in maintenance (rack move): ThreeRC leaves its VMs alone", plan.Explanation);
    }

    private static TriggerRecoveryRequest Recovery(string vm) =>
        new() { VmName = vm, StartLevel = RecoveryLevel.Unspecified, Reason = "operator test", RequestedBy = "alice" };
}
