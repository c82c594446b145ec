using ThreeRC.Contracts.Hypervisor;
using ThreeRC.Contracts.Monitoring;
using ThreeRC.Contracts.Operations;
using ThreeRC.Contracts.Placement;
using ThreeRC.Placement.Engine;
using ThreeRC.Placement.Model;
using ThreeRC.Placement.Services;
using ThreeRC.Placement.Tests.Support;
using ThreeRC.Testing;

namespace ThreeRC.Placement.Tests.Persistence;

public sealed class RestartTests : IDisposable
{
    private readonly TempDirectory _folder = new("placement");
    private readonly Inventory.Model.ClusterInventory _inventory = new TestCluster()
        .Host("alfa01").Host("alfa02", maxVms: 2).Host("alfa03").Host("alfa04")
        .Vm("gridce", "alfa01").Vm("gridse", "alfa01").Vm("gridui", "alfa02").Vm("gridwn", "alfa04").Build();

    [Fact]
    public async Task The_map_reservations_queue_and_host_states_survive_a_restart_on_the_same_file()
    {
        var time = ServiceOnFile.Clock();
        var first = ServiceOnFile.Start(_folder.Path, _inventory, time);
        var (placed, waiting) = await RunIncidentsAsync(first, time);
        var before = await Snapshot(first);

        var second = ServiceOnFile.Start(_folder.Path, _inventory, time);
        var after = await Snapshot(second);

        Assert.Equal(before, after);
        Assert.Equal(placed, (await second.RunAsync((engine, now) => engine.Place(Request(placed.RecoveryId, "gridce"), now))).Placed);
        Assert.Equal(waiting, (await second.RunAsync((engine, now) => engine.Place(Request(waiting.RecoveryId, "gridse"), now))).Refused);
        Assert.Equal(new VmLocation("gridwn", true, "alfa03"), await second.RunAsync(engine => engine.Locate(new WhereIsVm("gridwn"))));
    }

    [Fact]
    public async Task The_queue_read_back_after_a_restart_is_placed_when_capacity_appears()
    {
        var time = ServiceOnFile.Clock();
        var (placed, waiting) = await RunIncidentsAsync(ServiceOnFile.Start(_folder.Path, _inventory, time), time);

        var restarted = ServiceOnFile.Start(_folder.Path, _inventory, time);
        var freed = await restarted.RunAsync((engine, now) =>
            engine.RestartFailed(new VmRestartFailed(placed.RecoveryId, "gridce", Guid.NewGuid(), placed.HostName, "no", false, [], now), now));

        Assert.Equal(waiting.RecoveryId, Assert.Single(freed).RecoveryId);
    }

    [Fact]
    public async Task Where_a_VM_may_run_survives_a_restart_and_so_does_its_forgetting()
    {
        var time = ServiceOnFile.Clock();
        var first = ServiceOnFile.Start(_folder.Path, _inventory, time);
        await first.RunAsync((engine, now) =>
            engine.RestartFailed(new VmRestartFailed(Guid.NewGuid(), "gridce", Guid.NewGuid(), "alfa03", "session dropped", true, [], now), now));

        var second = ServiceOnFile.Start(_folder.Path, _inventory, time);
        var listed = await second.RunAsync(engine => engine.VmsOn(new GetVmsOnHost("alfa03")).VmNames);
        var counted = await second.RunAsync(engine => engine.State.FindHost("alfa03")!.VmCount);
        await second.RunAsync(engine =>
            engine.HostFenced(new HostFenced(Guid.NewGuid(), "gridce", Guid.NewGuid(), "alfa03", FenceMethod.Hypervisor, [], time.GetUtcNow())));

        var third = ServiceOnFile.Start(_folder.Path, _inventory, time);

        Assert.Equal(["gridce"], listed);
        Assert.Equal(1, counted);
        Assert.Empty(await third.RunAsync(engine => engine.VmsOn(new GetVmsOnHost("alfa03")).VmNames));
        Assert.Empty(await third.RunAsync(engine => engine.State.PossibleStarts.ToList()));
    }

    [Fact]
    public async Task An_operation_that_fails_leaves_nothing_in_memory_that_is_not_in_the_file()
    {
        var time = ServiceOnFile.Clock();
        var service = ServiceOnFile.Start(_folder.Path, _inventory, time);

        await Assert.ThrowsAsync<InvalidOperationException>(() => service.RunAsync<bool>((engine, now) =>
        {
            engine.Place(Request(Guid.NewGuid(), "gridce"), now);
            throw new InvalidOperationException("simulated failure before the save");
        }));

        Assert.Empty(await service.RunAsync(engine => engine.State.Reservations));
        Assert.Equal(0, await service.RunAsync(engine => engine.State.FindHost("alfa02")!.Arrivals));
    }

    public void Dispose() => _folder.Dispose();

    /// <summary>
    /// alfa01 is lost with gridce and gridse; alfa03 is fenced then back; gridwn moved from alfa04 to alfa03 and is
    /// settling there; alfa04 went into maintenance; alfa02 reported its load. gridce is reserved on alfa02, which is
    /// then full, and gridse waits.
    /// </summary>
    private static async Task<(VmPlaced Placed, NoCapacity Waiting)> RunIncidentsAsync(PlacementService service, TimeProvider time)
    {
        var now = time.GetUtcNow();
        await service.RunAsync(engine =>
        {
            engine.HostDown(new HostUnresponsive("alfa01", HostKind.Physical, "alfa01", now, now, "test", "silent"));
            engine.HostFenced(new HostFenced(Guid.NewGuid(), "gridce", Guid.NewGuid(), "alfa01", FenceMethod.Ipmi, [], now));
            engine.HostFenced(new HostFenced(Guid.NewGuid(), "gridwn", Guid.NewGuid(), "alfa03", FenceMethod.Ipmi, [], now));
            engine.HostUp(new HostResponsive("alfa03", HostKind.Physical, "alfa03", now, now, "test"), now);
            engine.Restarted(new VmRestarted(Guid.NewGuid(), "gridwn", Guid.NewGuid(), "alfa03", [], now), now);
            engine.MaintenanceChanged(new MaintenanceChanged(MaintenanceTarget.Host, "alfa04", true, "disk", "ops", now), now);
            engine.RecordLoads(new HostLoadReported(now, [new HostLoad("alfa02", 0.5, 1.25, 8, 64 * 1024 * 1024, 32 * 1024 * 1024, now)]), now);
            engine.MaintenanceChanged(new MaintenanceChanged(MaintenanceTarget.Host, "alfa03", true, "disk", "ops", now), now);
        }, CancellationToken.None);
        var placed = (await service.RunAsync((engine, at) => engine.Place(Request(Guid.NewGuid(), "gridce"), at))).Placed!;
        var waiting = (await service.RunAsync((engine, at) => engine.Place(Request(Guid.NewGuid(), "gridse", priority: 7), at))).Refused!;
        return (placed, waiting);
    }

    private static PlaceVm Request(Guid recoveryId, string vm, int priority = 0) =>
        new(recoveryId, vm, true, priority, new DateTimeOffset(2026, 11, 26, 3, 59, 0, TimeSpan.Zero));

    private static Task<string> Snapshot(PlacementService service) => service.RunAsync(engine => Describe(engine.State));

    private static string Describe(PlacementState state) => string.Join("\n",
    [
        .. state.Map.OrderBy(entry => entry.Key).Select(entry => $"map {entry.Key} {entry.Value}"),
        .. state.Hosts.Select(host => $"host {host.Name} up={host.Up} fenced={host.Fenced} maintenance={host.InMaintenance} load={host.Load} vms={host.VmCount} memory={host.UsedMemoryMb} arrivals={host.Arrivals}"),
        .. state.Reservations.Values.Select(reservation => $"reservation {reservation}"),
        .. state.Starts.Values.Select(start => $"start {start}"),
        .. state.Waiting.Values.Select(waiting => $"waiting {waiting}"),
        .. state.PossibleStarts.Select(start => $"possible {start}"),
    ]);
}
