using ThreeRC.Contracts.Placement;
using ThreeRC.Placement.Tests.Support;
using ThreeRC.Testing;

namespace ThreeRC.Placement.Tests.Persistence;

/// <summary>Two placement instances on one database (a file, or PostgreSQL with THREERC_TEST_STORAGE=PostgreSql).</summary>
public sealed class SharedDatabaseTests : IDisposable
{
    private readonly TempDirectory _folder = new("placement-shared");

    [Fact]
    public async Task Two_instances_placing_at_once_never_book_the_same_room_twice()
    {
        var vms = Enumerable.Range(1, 8).Select(n => $"vm{n}").ToList();
        var inventory = vms.Aggregate(new TestCluster().Host("alfa01").Host("alfa02", maxVms: 3), (cluster, vm) => cluster.Vm(vm, "alfa01")).Build();
        var time = ServiceOnFile.Clock();
        var instances = new[] { ServiceOnFile.Start(_folder.Path, inventory, time), ServiceOnFile.Start(_folder.Path, inventory, time) };
        await Task.WhenAll(instances.Select(instance => instance.LoadAsync(CancellationToken.None)));

        var answers = await Task.WhenAll(vms.Select((vm, i) => instances[i % 2].RunAsync((engine, now) =>
            engine.Place(new PlaceVm(Guid.NewGuid(), vm, true, 0, now), now))));

        Assert.Equal(3, answers.Count(answer => answer.Placed is not null));
        Assert.All(answers.Where(answer => answer.Placed is not null), answer => Assert.Equal("alfa02", answer.Placed!.HostName));
        Assert.Equal(5, answers.Count(answer => answer.Refused is not null));
        foreach (var instance in instances)
            Assert.Equal(3, await instance.RunAsync(engine => engine.State.Reservations.Count));
    }

    public void Dispose() => _folder.Dispose();
}
