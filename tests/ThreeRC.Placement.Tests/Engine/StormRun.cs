using ThreeRC.Contracts.Placement;
using ThreeRC.Placement.Engine;
using ThreeRC.Placement.Tests.Support;
using ThreeRC.Testing.Placement;

namespace ThreeRC.Placement.Tests.Engine;

/// <summary>A storm, run once per test class: every host reports its load, the failing hosts go down, every displaced VM asks.</summary>
public abstract class StormRun
{
    protected StormRun(StormCluster storm)
    {
        Storm = storm;
        Scenario = new EngineScenario(storm.Inventory);
        Scenario.Engine.RecordLoads(storm.Loads, Scenario.Now);
        foreach (var failure in storm.Failures) Scenario.Engine.HostDown(failure);
        Answers = storm.Requests.Select(request => Scenario.Engine.Place(request, Scenario.Now)).ToList();
    }

    public StormCluster Storm { get; }

    internal EngineScenario Scenario { get; }

    internal IReadOnlyList<PlacementAnswer> Answers { get; }

    public IEnumerable<VmPlaced> Placed => Answers.Select(answer => answer.Placed).OfType<VmPlaced>();

    public void AssertEveryDisplacedVmIsPlacedOrQueuedOnACompatibleSurvivingHost()
    {
        Assert.Equal(Storm.DisplacedVms.Count, Answers.Count);
        Assert.All(Answers, answer => Assert.True(answer.Placed is not null || answer.Refused is { Queued: true }));
        Assert.Equal(Answers.Count(answer => answer.Refused is not null), Scenario.State.Waiting.Count);
        var failing = Storm.FailingHosts.ToHashSet();
        foreach (var placed in Placed)
        {
            Assert.DoesNotContain(placed.HostName, failing);
            var vm = Storm.Inventory.FindVm(placed.VmName)!;
            Assert.Equal(Storm.Inventory.FindHost(vm.HomeHost)!.Driver, Storm.Inventory.FindHost(placed.HostName)!.Driver);
            Assert.Equal(vm.HomeHost, placed.PreviousHost);
        }
    }

    /// <summary>Recounted from the map, the reservations, the inventory and the last load reports, not from the engine's counters.</summary>
    public void AssertNoHostEndsOverItsLimitsAndAntiAffinityHolds()
    {
        var state = Scenario.State;
        var occupants = state.Map.Select(entry => (Vm: entry.Key, Host: entry.Value))
            .Concat(state.Reservations.Values.Select(reservation => (Vm: reservation.VmName, Host: reservation.HostName)))
            .Distinct()
            .GroupBy(entry => entry.Host, entry => Storm.Inventory.FindVm(entry.Vm)!);
        var reservations = state.Reservations.Values.GroupBy(reservation => reservation.HostName).ToDictionary(group => group.Key, group => group.Count());

        foreach (var host in occupants.Where(host => reservations.ContainsKey(host.Key)))
        {
            var limits = Storm.Inventory.FindHost(host.Key)!;
            Assert.True(host.Count() <= limits.MaxVms, $"{host.Key} runs {host.Count()} VMs, more than {limits.MaxVms}");
            Assert.True(host.Sum(vm => vm.MemoryMb) <= limits.MemoryMb, $"{host.Key} needs {host.Sum(vm => vm.MemoryMb)} MiB, more than {limits.MemoryMb}");
            var projected = state.FindHost(host.Key)!.Load!.LoadFive + Scenario.Options.ExpectedLoadPerVm * reservations[host.Key];
            Assert.True(projected < limits.LoadThreshold, $"{host.Key} would reach load {projected}, threshold {limits.LoadThreshold}");
            var groups = host.Select(vm => vm.AntiAffinityGroup).OfType<string>().ToList();
            Assert.True(groups.Count == groups.Distinct().Count(), $"{host.Key} holds two VMs of one group: {string.Join(", ", groups)}");
        }
    }
}

/// <summary>The storm of issue 5: 1,000 hosts, 10,000 VMs, 100 hosts fail with 2,000 VMs.</summary>
public sealed class AfterTheStorm() : StormRun(new StormCluster());

/// <summary>The same 2,000 displaced VMs, but only 200 surviving hosts (each with 10 VMs already) to take them.</summary>
public sealed class AfterAScarceStorm() : StormRun(new StormCluster(hosts: 300, vms: 4_000));
