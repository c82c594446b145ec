using System.Collections.Concurrent;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using ThreeRC.Persistence;
using ThreeRC.Persistence.Sagas;
using ThreeRC.ServiceDefaults.Messaging;
using ThreeRC.Testing;

namespace ThreeRC.Shared.Tests.Persistence;

public sealed class DatabaseSagaRepositoryTests : IAsyncLifetime
{
    private readonly TempDirectory _folder = new("saga-repository");
    private readonly ConcurrentDictionary<int, bool> _crashAfterCommit = new();
    private CounterDatabase _database = null!;
    private ServiceProvider _provider = null!;

    private ITestHarness Harness => _provider.GetRequiredService<ITestHarness>();

    public async Task InitializeAsync()
    {
        _database = new CounterDatabase(_folder.Path);
        var database = _database;
        var services = new ServiceCollection();
        services.AddTransactionalOutboxEndpoint("counter-saga");
        services.AddOptions<BusOptions>().Configure(bus =>
        {
            bus.RetryLimit = 200;
            bus.RetryMinInterval = TimeSpan.FromMilliseconds(2);
            bus.RetryMaxInterval = TimeSpan.FromMilliseconds(50);
        });
        services.AddMassTransitTestHarness(bus =>
        {
            bus.AddSaga<CounterSaga>()
                .DatabaseRepository(repository =>
                {
                    repository.Table = "counter_saga";
                    repository.Database = _ => database;
                    repository.OutboxSweepInterval = TimeSpan.FromMilliseconds(200);
                    repository.Column("count", saga => saga.Count);
                    repository.BeforePublish = (_, messages) => messages.OfType<Counted>().Any(m => _crashAfterCommit.TryRemove(m.Number, out var _))
                        ? throw new InvalidOperationException("the process stops after the commit, before the publish")
                        : Task.CompletedTask;
                })
                .Endpoint(endpoint =>
                {
                    endpoint.Name = "counter-saga";
                    endpoint.ConcurrentMessageLimit = 16;
                });
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
        await using var connection = await new CounterDatabase(_folder.Path).OpenAsync();
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

        await using var connection = await new CounterDatabase(_folder.Path).OpenAsync();
        var count = await Dapper.SqlMapper.ExecuteScalarAsync<int>(connection, "SELECT count FROM counter_saga WHERE correlation_id = @id", new { id });
        Assert.Equal(2, count);
    }

    [Fact]
    public async Task What_a_saga_publishes_leaves_once_per_saved_state_and_never_for_an_attempt_that_lost_its_conflict()
    {
        var id = Guid.NewGuid();
        var attemptsBefore = CounterSaga.Attempts;

        await Task.WhenAll(Enumerable.Range(1, 50).Select(n => Harness.Bus.Publish(new CountUp(id, n))));

        await Eventually.Until(() => Load(id), s => s?.Count == 50, TimeSpan.FromSeconds(60), "50 counted");
        Assert.True(CounterSaga.Attempts - attemptsBefore > 50, "no conflict happened: the test proved nothing");
        var counted = await Eventually.Until(() => Task.FromResult(Published(id)), list => list.Count >= 50, TimeSpan.FromSeconds(30), "50 Counted");
        Assert.Equal(Enumerable.Range(1, 50), counted.Select(m => m.Count).Order());
        await OutboxRowsRemovedAsync();
    }

    [Fact]
    public async Task A_message_delivered_again_under_the_same_id_changes_nothing_and_publishes_nothing_again()
    {
        var id = Guid.NewGuid();
        var messageId = Guid.NewGuid();

        await Harness.Bus.Publish(new CountUp(id, 1), context => context.MessageId = messageId);
        await Eventually.Until(() => Task.FromResult(Published(id)), list => list.Count == 1, TimeSpan.FromSeconds(30), "one Counted");
        await Harness.Bus.Publish(new CountUp(id, 1), context => context.MessageId = messageId);
        await Harness.Bus.Publish(new CountUp(id, 2));

        await Eventually.Until(() => Load(id), s => s?.Count == 2, TimeSpan.FromSeconds(30), "the second number counted");
        await Harness.InactivityTask;
        Assert.False(Harness.Published.Select<Fault<CountUp>>().Any(), "the duplicate failed instead of being dropped");
        Assert.Equal([1, 2], (await Load(id))!.Numbers);
        Assert.Equal([1, 2], Published(id).Select(m => m.Number).Order());
    }

    [Fact]
    public async Task A_state_committed_but_not_published_is_published_once_when_the_message_comes_again()
    {
        var id = Guid.NewGuid();
        _crashAfterCommit[7] = true;

        await Harness.Bus.Publish(new CountUp(id, 7));

        var counted = await Eventually.Until(() => Task.FromResult(Published(id)), list => list.Count == 1, TimeSpan.FromSeconds(30), "Counted 7");
        Assert.Equal(7, counted[0].Number);
        Assert.True(_crashAfterCommit.IsEmpty, "the publish never failed: the test proved nothing");
        Assert.Equal(1, (await Load(id))!.Count);
        await OutboxRowsRemovedAsync();
    }

    [Fact]
    public async Task The_running_sweep_publishes_once_what_a_stopped_process_left_in_the_outbox_under_its_own_message_id()
    {
        var messageId = Guid.NewGuid();
        var id = Guid.NewGuid();
        await using (var connection = await _database.OpenAsync())
            await Dapper.SqlMapper.ExecuteAsync(connection,
                "INSERT INTO counter_saga_outbox (message_id, inbound_message_id, type, body, created_at) VALUES (@messageId, NULL, @type, @body, 0)",
                new
                {
                    messageId, type = $"{typeof(Counted).FullName}, {typeof(Counted).Assembly.GetName().Name}",
                    body = $$"""{"CorrelationId":"{{id}}","Number":9,"Count":1}""",
                });

        await OutboxRowsRemovedAsync();
        await Harness.InactivityTask;
        var published = Harness.Published.Select<Counted>(m => m.Context.Message.CorrelationId == id).ToList();
        Assert.Equal((messageId, 9), (Assert.Single(published).Context.MessageId, published[0].Context.Message.Number));
    }

    public async Task DisposeAsync()
    {
        await Harness.Stop();
        await _provider.DisposeAsync();
        _folder.Dispose();
    }

    private List<Counted> Published(Guid id) => Harness.Published.Select<Counted>(m => m.Context.Message.CorrelationId == id).Select(m => m.Context.Message).ToList();

    /// <summary>The rows of published messages go shortly after their publish, many in one write.</summary>
    private Task OutboxRowsRemovedAsync() => Eventually.Until(OutboxRowsAsync, rows => rows == 0, TimeSpan.FromSeconds(10), "no outbox row left");

    private async Task<int> OutboxRowsAsync()
    {
        await using var connection = await _database.OpenAsync();
        return await Dapper.SqlMapper.ExecuteScalarAsync<int>(connection, "SELECT count(*) FROM counter_saga_outbox");
    }

    private Task<CounterSaga?> Load(Guid id) => _provider.GetRequiredService<ILoadSagaRepository<CounterSaga>>().Load(id)!;

    /// <summary>counter.db in <paramref name="folder"/>, or its database on the test run's PostgreSQL server (<see cref="TestStorage"/>).</summary>
    private sealed class CounterDatabase(string folder)
        : ServiceDatabase(TestStorage.Options(folder), "counter", typeof(CounterDatabase).Assembly, "ThreeRC.Shared.Tests.Persistence.Scripts.");
}
