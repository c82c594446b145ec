using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ThreeRC.Inventory.Model;
using ThreeRC.Placement.Extensions;
using ThreeRC.Testing;

namespace ThreeRC.Placement.Tests.Support;

/// <summary>The Placement consumers and services on MassTransit's in-memory test harness, with placement.db in a private folder.</summary>
internal sealed class PlacementHarness : IAsyncDisposable
{
    private readonly TempDirectory _folder = new("placement-harness");
    private readonly ServiceProvider _provider;

    public PlacementHarness(ClusterInventory inventory)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(TestStorage.Settings(_folder.Path))
            .Build());
        services.AddLogging();
        services.AddSingleton(inventory);
        services.AddSingleton<TimeProvider>(Time);
        services.AddPlacementServices();
        services.AddMassTransitTestHarness(bus =>
        {
            bus.AddPlacementConsumers();
        });
        _provider = services.BuildServiceProvider(validateScopes: true);
        Harness = _provider.GetRequiredService<ITestHarness>();
    }

    public ITestHarness Harness { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 26, 4, 0, 0, TimeSpan.Zero));

    public DateTimeOffset Now => Time.GetUtcNow();

    public static async Task<PlacementHarness> StartAsync(ClusterInventory inventory)
    {
        var harness = new PlacementHarness(inventory);
        await harness.Harness.Start();
        return harness;
    }

    public Task Publish<T>(T message) where T : class => Harness.Bus.Publish(message);

    /// <summary>Publishes and waits until it is consumed: messages on different queues have no order otherwise.</summary>
    public async Task Deliver<T>(T message) where T : class
    {
        var before = Consumed<T>();
        await Harness.Bus.Publish(message);
        await Eventually.Until(() => Consumed<T>() > before, Timeout, $"{typeof(T).Name} consumed");
    }

    /// <summary>The first message of type T published that matches, polling for it until the deadline.</summary>
    public Task<T> Published<T>(Func<T, bool> match) where T : class =>
        Eventually.Until(() => Task.FromResult(PublishedSoFar<T>().FirstOrDefault(match)), message => message is not null, Timeout, $"{typeof(T).Name} published")!;

    public async Task<TResponse> Ask<TRequest, TResponse>(TRequest request) where TRequest : class where TResponse : class =>
        (await Harness.GetRequestClient<TRequest>().GetResponse<TResponse>(request)).Message;

    /// <summary>Whether an exception escaped a consumer so far.</summary>
    public bool AnyConsumerFaulted() => Harness.Consumed.Select(_ => true, SoFar).Any(received => received.Exception is not null);

    // The harness's own waits end for good at the first quiet moment; a cancelled token reads what is there now.
    private static CancellationToken SoFar => new(canceled: true);

    private static TimeSpan Timeout => TimeSpan.FromSeconds(30);

    private int Consumed<T>() where T : class => Harness.Consumed.Select<T>(SoFar).Count();

    private IEnumerable<T> PublishedSoFar<T>() where T : class => Harness.Published.Select<T>(SoFar).Select(published => published.Context.Message);

    public async ValueTask DisposeAsync()
    {
        await Harness.Stop();
        await _provider.DisposeAsync();
        _folder.Dispose();
    }
}
