using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using ThreeRC.Inventory.Model;
using ThreeRC.Monitor.Detection;
using ThreeRC.Monitor.Extensions;
using ThreeRC.Monitor.Ganglia;
using ThreeRC.Monitor.Health;
using ThreeRC.Monitor.Options;
using ThreeRC.Monitor.Polling;
using ThreeRC.Monitor.Sources;

namespace ThreeRC.Monitor.Tests.Support;

/// <summary>
/// The monitor's poll with its real parts on MassTransit's test harness: the test runs each poll itself instead of
/// the worker's timer, on the clock it chooses, and reads what was published and logged.
/// </summary>
internal sealed class MonitorUnderTest : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private MonitorUnderTest(ServiceProvider services)
    {
        _services = services;
    }

    public ITestHarness Harness => _services.GetRequiredService<ITestHarness>();

    public FakeLogCollector Logs => _services.GetFakeLogCollector();

    public SourceBoard Sources => _services.GetRequiredService<SourceBoard>();

    public HostBoard Hosts => _services.GetRequiredService<HostBoard>();

    /// <param name="reader">A scripted reader; by default the real TCP reader.</param>
    public static async Task<MonitorUnderTest> StartAsync(
        ClusterInventory inventory,
        IEnumerable<string> sources,
        TimeProvider time,
        IGangliaReader? reader = null,
        Action<MonitorOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(inventory);
        services.AddSingleton(time);
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Debug).AddFakeLogging());
        services.AddOptions<MonitorOptions>().Configure(options =>
        {
            options.Sources = [.. sources];
            configure?.Invoke(options);
        });
        services.AddMonitorPolling();
        if (reader is not null) services.AddSingleton(reader);
        services.AddMassTransitTestHarness();

        var provider = services.BuildServiceProvider(validateScopes: true);
        await provider.GetRequiredService<ITestHarness>().Start();
        return new MonitorUnderTest(provider);
    }

    public Task PollAsync() => _services.GetRequiredService<PollCycle>().RunAsync(CancellationToken.None);

    private readonly HashSet<Guid?> _forgotten = [];

    public IReadOnlyList<T> Published<T>() where T : class =>
        Harness.Published.Select<T>().Where(message => !_forgotten.Contains(message.Context.MessageId)).Select(message => message.Context.Message).ToList();

    /// <summary>Leaves what was published so far out of <see cref="Published{T}"/>, such as a first poll's announcements.</summary>
    public void ForgetPublished()
    {
        foreach (var message in Harness.Published.Select(_ => true)) _forgotten.Add(message.Context.MessageId);
    }

    public Task<HealthCheckResult> HealthAsync() =>
        new GangliaSourcesHealthCheck(Sources).CheckHealthAsync(new HealthCheckContext());

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();
}
