using System.Globalization;
using Grpc.Net.Client;

namespace ThreeRC.Testing.Stack;

/// <summary>
/// The real stack at work: a private RabbitMQ, a data centre, the six services protecting it as processes, and a
/// gRPC channel to their Api. Everything is stopped when it is disposed, each part even when stopping another failed.
/// </summary>
public class ProtectedStack<TDataCentre> : IAsyncDisposable
    where TDataCentre : class, IDataCentre
{
    private bool _disposed;

    protected ProtectedStack()
    {
    }

    public RabbitMqBroker Broker { get; } = new();

    public TDataCentre DataCentre { get; private set; } = null!;

    public ServiceStack Services { get; private set; } = null!;

    /// <summary>The channel to the Api's gRPC services (Cluster, Recoveries, ...).</summary>
    public GrpcChannel Api { get; private set; } = null!;

    /// <summary>
    /// Starts the broker, then the data centre, then the services; <paramref name="flapWindow"/> overrides the
    /// orchestrator's (a VM that crashes again within it starts its recovery one level higher).
    /// </summary>
    public static Task<ProtectedStack<TDataCentre>> StartAsync(Func<Task<TDataCentre>> startDataCentre, TimeSpan? flapWindow = null) =>
        StartAsync(new ProtectedStack<TDataCentre>(), startDataCentre, flapWindow, null);

    protected static async Task<TStack> StartAsync<TStack>(TStack stack, Func<Task<TDataCentre>> startDataCentre, TimeSpan? flapWindow,
        IReadOnlyDictionary<string, string?>? settings)
        where TStack : ProtectedStack<TDataCentre>
    {
        try
        {
            await stack.Broker.InitializeAsync();
            stack.DataCentre = await startDataCentre();
            var environment = new Dictionary<string, string?>(stack.Broker.BusEnvironment);
            foreach (var (key, value) in stack.DataCentre.ServiceEnvironment) environment[key] = value;
            if (flapWindow is { } window) environment["Orchestrator__FlapWindow"] = window.ToString("c", CultureInfo.InvariantCulture);
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) environment[key] = value;
            stack.Services = await ServiceStack.StartAsync(environment);
            stack.Api = GrpcChannel.ForAddress(stack.Services.ApiAddress);
            return stack;
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }
    }

    /// <summary>Closes the channel, stops the services, then the data centre, then the broker; a second call does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        GC.SuppressFinalize(this);
        await Teardown.RunAsync("the protected stack",
        [
            () =>
            {
                Api?.Dispose();
                return ValueTask.CompletedTask;
            },
            () => Services?.DisposeAsync() ?? ValueTask.CompletedTask,
            () => DataCentre?.DisposeAsync() ?? ValueTask.CompletedTask,
            async () => await Broker.DisposeAsync(),
        ]);
    }
}
