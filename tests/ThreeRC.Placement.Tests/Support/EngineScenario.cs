using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using ThreeRC.Contracts.Hypervisor;
using ThreeRC.Contracts.Monitoring;
using ThreeRC.Contracts.Operations;
using ThreeRC.Contracts.Placement;
using ThreeRC.Contracts.Recovery;
using ThreeRC.Inventory.Model;
using ThreeRC.Placement.Engine;
using ThreeRC.Placement.Model;
using ThreeRC.Placement.Options;

namespace ThreeRC.Placement.Tests.Support;

/// <summary>A placement engine on an in-memory state, fake time and a fake logger, with the cluster's events at hand.</summary>
internal sealed class EngineScenario
{
    public EngineScenario(ClusterInventory inventory, PlacementOptions? options = null)
    {
        Options = options ?? new PlacementOptions();
        Engine = new PlacementEngine(new PlacementState(inventory), Options, Logger);
    }

    public EngineScenario(TestCluster cluster, PlacementOptions? options = null)
        : this(cluster.Build(), options)
    {
    }

    public PlacementOptions Options { get; }

    public PlacementEngine Engine { get; }

    public PlacementState State => Engine.State;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 26, 4, 0, 0, TimeSpan.Zero));

    public FakeLogger Logger { get; } = new();

    public DateTimeOffset Now => Time.GetUtcNow();

    public PlacementAnswer Place(string vm, bool mustRelocate = false, int priority = 0, Guid? recoveryId = null) =>
        Engine.Place(new PlaceVm(recoveryId ?? Guid.NewGuid(), vm, mustRelocate, priority, Now), Now);

    /// <summary>The host a placement chose, or null when the VM waits or was refused.</summary>
    public string? PlaceOn(string vm, bool mustRelocate = false) => Place(vm, mustRelocate).Placed?.HostName;

    public PlacementPreview Preview(string vm, bool mustRelocate = false) => Engine.Preview(new PreviewPlacement(vm, mustRelocate));

    public IReadOnlyList<VmPlaced> Load(string host, double loadFive, long memoryFreeMb = 0, long memoryTotalMb = 0) =>
        Engine.RecordLoads(new HostLoadReported(Now, [new HostLoad(host, loadFive, loadFive, 16, memoryTotalMb * 1024, memoryFreeMb * 1024, Now)]), Now);

    public void Down(string host) =>
        Engine.HostDown(new HostUnresponsive(host, HostKind.Physical, host, Now, Now, "test", "stopped reporting"));

    public IReadOnlyList<VmPlaced> Up(string host) => Engine.HostUp(new HostResponsive(host, HostKind.Physical, host, Now, Now, "test"), Now);

    public void Fence(string host, FenceMethod method = FenceMethod.Ipmi, string vm = "any", DateTimeOffset? at = null) =>
        Engine.HostFenced(new HostFenced(Guid.NewGuid(), vm, Guid.NewGuid(), host, method, [], at ?? Now));

    public IReadOnlyList<VmPlaced> Maintenance(string host, bool on) =>
        Engine.MaintenanceChanged(new MaintenanceChanged(MaintenanceTarget.Host, host, on, "test", "operator", Now), Now);

    public IReadOnlyList<VmPlaced> Restarted(Guid recoveryId, string vm, string host) =>
        Engine.Restarted(new VmRestarted(recoveryId, vm, Guid.NewGuid(), host, [], Now), Now);

    public IReadOnlyList<VmPlaced> RestartFailed(Guid recoveryId, string vm, string host, bool mayHaveTakenEffect = false) =>
        Engine.RestartFailed(new VmRestartFailed(recoveryId, vm, Guid.NewGuid(), host, "domain would not start", mayHaveTakenEffect, [], Now), Now);

    public IReadOnlyList<VmPlaced> Completed(Guid recoveryId, string vm, string? runningOn = null) =>
        Engine.Completed(new RecoveryCompleted(recoveryId, vm, RecoveryOutcome.Recovered, "test", null, Now, Now, TimeSpan.Zero, []) { RunningOn = runningOn }, Now);

    /// <summary>What GetVmsOnHost answers for the host.</summary>
    public IReadOnlyList<string> VmsOn(string host) => Engine.VmsOn(new GetVmsOnHost(host)).VmNames;

    public IReadOnlyList<VmPlaced> Sweep() => Engine.Sweep(Now);

    public HostState Host(string name) => State.FindHost(name)!;
}
