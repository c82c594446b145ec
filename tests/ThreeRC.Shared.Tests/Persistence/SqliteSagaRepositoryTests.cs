using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using ThreeRC.Persistence;
using ThreeRC.Persistence.Sagas;
using ThreeRC.ServiceDefaults.Messaging;
using ThreeRC.Testing;

namespace ThreeRC.Shared.Tests.Persistence;

public sealed class SqliteSagaRepositoryTests : IAsyncLifetime
{
    private readonly TempDirectory _folder = new("saga-repository");
    private ServiceProvider _provider = null!;

    private ITestHarness Harness => _provider.GetRequiredService<ITestHarness>();

    public async Task InitializeAsync()
    {
        var database = new CounterDatabase(_folder.Combine("counter.db"));
        var services = new ServiceCollection();
        services.AddOptions<BusOptions>().Configure(bus =>
        {
            bus.RetryLimit = 200;
            bus.RetryMinInterval = TimeSpan.FromMilliseconds(2);
            bus.RetryMaxInterval = TimeSpan.FromMilliseconds(50);
        });
        services.AddMassTransitTestHarness(bus =>
        {
            bus.AddSaga<CounterSaga>()
                .SqliteRepository(repository =>
                {
                    repository.Table = "counter_saga";
                    repository.Database = _ => database;
                    repository.Column("count", saga => saga.Count);
                })
                .Endpoint(endpoint => endpoint.ConcurrentMessageLimit = 16);
            bus.AddThreeRcEndpointDefaults();
            bus.SetTestTimeouts(testTimeout: TimeSpan.FromSeconds(60));
        });
        _provider = services.BuildServiceProvider();
        await Harness.Start();
    }

    [Fact]
    public async Task Concurrent_messages_for_one_instance_lose_no_update_because_conflicts_are_retried()
    {
        var id = Guid.NewGuid();
        var attemptsBefore = CounterSaga.Attempts;

        await Task.WhenAll(Enumerable.Range(1, 200).Select(n => Harness.Bus.Publish(new CountUp(id, n))));

        var saga = await Eventually.Until(() => Load(id), s => s?.Count == 200, TimeSpan.FromSeconds(60), "200 counted");
        Assert.Equal(Enumerable.Range(1, 200), saga!.Numbers.Order());
        Assert.Equal(200, saga.Version);
        Assert.True(CounterSaga.Attempts - attemptsBefore > 200, "no conflict happened, so nothing was retried: the test proved nothing");
    }

    [Fact]
    public async Task An_enlisted_write_is_committed_with_the_saved_state_and_dropped_with_a_conflicting_attempt()
    {
        var id = Guid.NewGuid();
        var attemptsBefore = CounterSaga.Attempts;

        await Task.WhenAll(Enumerable.Range(1, 100).Select(n => Harness.Bus.Publish(new CountUp(id, n))));

        await Eventually.Until(() => Load(id), s => s?.Count == 100, TimeSpan.FromSeconds(60), "100 counted");
        Assert.True(CounterSaga.Attempts - attemptsBefore > 100, "no conflict happened, so nothing was rolled back: the test proved nothing");
        await using var connection = await new CounterDatabase(_folder.Combine("counter.db")).OpenAsync();
        var logged = await Dapper.SqlMapper.QueryAsync<int>(connection, "SELECT number FROM counter_log WHERE correlation_id = @id", new { id });
        Assert.Equal(Enumerable.Range(1, 100), logged.Order());
    }

    [Fact]
    public async Task Concurrent_first_messages_create_one_instance_each()
    {
        var ids = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid()).ToList();

        await Task.WhenAll(ids.SelectMany(id => Enumerable.Range(1, 5).Select(n => Harness.Bus.Publish(new CountUp(id, n)))));

        foreach (var id in ids)
            await Eventually.Until(() => Load(id), s => s?.Count == 5, TimeSpan.FromSeconds(60), $"{id} counted 5");
    }

    [Fact]
    public async Task Extra_columns_are_written_with_every_update()
    {
        var id = Guid.NewGuid();
        await Harness.Bus.Publish(new CountUp(id, 1));
        await Harness.Bus.Publish(new CountUp(id, 2));
        await Eventually.Until(() => Load(id), s => s?.Count == 2, TimeSpan.FromSeconds(30), "2 counted");

        await using var connection = await new CounterDatabase(_folder.Combine("counter.db")).OpenAsync();
        var count = await Dapper.SqlMapper.ExecuteScalarAsync<int>(connection, "SELECT count FROM counter_saga WHERE correlation_id = @id", new { id });
        Assert.Equal(2, count);
    }

    public async Task DisposeAsync()
    {
        await Harness.Stop();
        await _provider.DisposeAsync();
        _folder.Dispose();
    }

    private Task<CounterSaga?> Load(Guid id) => _provider.GetRequiredService<ILoadSagaRepository<CounterSaga>>().Load(id)!;

    private sealed class CounterDatabase(string file)
        : SqliteDatabase(file, typeof(CounterDatabase).Assembly, "ThreeRC.Shared.Tests.Persistence.Scripts.");
}
