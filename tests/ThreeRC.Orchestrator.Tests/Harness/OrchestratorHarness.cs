using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using ThreeRC.Contracts.Placement;
using ThreeRC.Orchestrator.Deadlines;
using ThreeRC.Orchestrator.Extensions;
using ThreeRC.Orchestrator.StateMachines;
using ThreeRC.ServiceDefaults.Messaging;
using ThreeRC.Testing;

namespace ThreeRC.Orchestrator.Tests.Harness;

/// <summary>
/// The orchestrator on MassTransit's test harness, with its real SQLite saga repository in a private folder and
/// time under the test's control: the deadline sweeper runs when the test says so, after moving the clock.
/// </summary>
public sealed class OrchestratorHarness : IAsyncDisposable
{
    /// <summary>MassTransit keeps its log context in a static: every harness of the process shares one logger factory.</summary>
    private static readonly ILoggerFactory SharedLoggerFactory = LoggerFactory.Create(_ => { });
    private readonly ServiceProvider _provider;
    private readonly MessagesInFlight _inFlight = new();

    private OrchestratorHarness(ServiceProvider provider, FakeTimeProvider time)
    {
        _provider = provider;
        Time = time;
        Bus.Bus.ConnectReceiveObserver(_inFlight);
    }

    public FakeTimeProvider Time { get; }

    public ITestHarness Bus => _provider.GetRequiredService<ITestHarness>();

    public static async Task<OrchestratorHarness> StartAsync(string dataDirectory, Dictionary<string, string?>? settings = null, FakeTimeProvider? time = null)
    {
        time ??= new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 4, 0, 0, TimeSpan.Zero));
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(TestStorage.Settings(dataDirectory))
            .AddInMemoryCollection(settings ?? [])
            .Build();
        var services = new ServiceCollection()
            .AddSingleton(SharedLoggerFactory)
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<TimeProvider>(time)
            .AddSingleton(TestInventory.Load());
        services.AddOrchestratorServices();
        services.AddMassTransitTestHarness(bus =>
        {
            OrchestratorModule.AddOrchestratorConsumers(bus);
            bus.AddConsumer<PlacementStandIn>();
            bus.AddThreeRcEndpointDefaults();
            bus.SetTestTimeouts(testTimeout: TimeSpan.FromSeconds(30));
        });
        var provider = services.BuildServiceProvider(validateScopes: true);
        await provider.GetRequiredService<ITestHarness>().Start();
        return new OrchestratorHarness(provider, time);
    }

    public Task Publish<T>(T message)
        where T : class =>
        Bus.Bus.Publish(message);

    /// <summary>The first published message of type <typeparamref name="T"/> matching <paramref name="filter"/>; fails after 10 s.</summary>
    public async Task<T> Published<T>(Func<T, bool>? filter = null)
        where T : class
    {
        var found = await Eventually.Until(
            () => Task.FromResult(Bus.Published.Select<T>(message => filter?.Invoke(message.Context.Message) ?? true).FirstOrDefault()),
            message => message is not null, TimeSpan.FromSeconds(10), $"a published {typeof(T).Name}");
        return found!.Context.Message;
    }

    /// <summary>
    /// Waits until <paramref name="count"/> messages of type <typeparamref name="T"/> were handled to the end (their state and deadlines stored),
    /// as a state it leads to alone does not show when the state was reached before; fails after 10 s.
    /// </summary>
    public Task Handled<T>(int count = 1)
        where T : class =>
        Eventually.Until(() => Bus.Consumed.Select<T>().Count() >= count, TimeSpan.FromSeconds(10), $"{count} handled {typeof(T).Name}");

    public int PublishedCount<T>(Func<T, bool> filter)
        where T : class =>
        Bus.Published.Select<T>(message => filter(message.Context.Message)).Count();

    /// <summary>Moves the clock and runs one deadline sweep, as the orchestrator's background loop would.</summary>
    public Task<int> AdvanceAsync(TimeSpan by)
    {
        Time.Advance(by);
        return _provider.GetRequiredService<DeadlineSweeper>().SweepAsync(CancellationToken.None);
    }

    public T Service<T>()
        where T : notnull =>
        _provider.GetRequiredService<T>();

    public Task<RecoveryState?> StateOf(string vm) =>
        _provider.GetRequiredService<ILoadSagaRepository<RecoveryState>>().Load(VmIds.For(vm))!;

    /// <summary>Waits until the VM's saga is in <paramref name="state"/>.</summary>
    public async Task<RecoveryState?> WaitForState(string vm, string state)
    {
        await Eventually.Until(async () => (await StateOf(vm))?.CurrentState, current => current == state, TimeSpan.FromSeconds(10), $"{vm} in {state}");
        return await StateOf(vm);
    }

    public async ValueTask DisposeAsync()
    {
        // The messages still in hand are handled first; one still in hand after the harness's test timeout is stuck.
        try
        {
            await Eventually.Until(() => _inFlight.None, TimeSpan.FromSeconds(30), "the messages in hand handled");
        }
        finally
        {
            await Bus.Stop();
            await _provider.DisposeAsync();
        }
    }
}

/// <summary>Answers GetVmsOnHost as placement would: the VMs whose home is that host.</summary>
public sealed class PlacementStandIn(ThreeRC.Inventory.Model.ClusterInventory inventory) : IConsumer<GetVmsOnHost>
{
    public Task Consume(ConsumeContext<GetVmsOnHost> context) =>
        context.RespondAsync(new VmsOnHost(context.Message.HostName, inventory.FindHost(context.Message.HostName) is not null,
            inventory.Vms.Where(vm => vm.HomeHost == context.Message.HostName).Select(vm => vm.Name).ToList()));
}
