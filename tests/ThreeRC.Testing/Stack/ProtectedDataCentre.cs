using ThreeRC.Testing.DataCentre;

namespace ThreeRC.Testing.Stack;

/// <summary>The real stack at work: a private RabbitMQ, an emulated data centre, and the six services protecting it.</summary>
public sealed class ProtectedDataCentre : IAsyncDisposable
{
    private ProtectedDataCentre(RabbitMqBroker broker) => Broker = broker;

    public RabbitMqBroker Broker { get; }

    public EmulatedDataCentre DataCentre { get; private set; } = null!;

    public ServiceStack Services { get; private set; } = null!;

    /// <summary>Starts it all; <paramref name="settings"/> adds to or overrides the services' configuration.</summary>
    public static async Task<ProtectedDataCentre> StartAsync(
        IReadOnlyDictionary<string, string[]> layout, DataCentreTimers timers, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var protectedCentre = new ProtectedDataCentre(new RabbitMqBroker());
        try
        {
            await protectedCentre.Broker.InitializeAsync();
            protectedCentre.DataCentre = await EmulatedDataCentre.StartAsync(layout, timers);
            var environment = new Dictionary<string, string?>(protectedCentre.Broker.BusEnvironment);
            foreach (var (key, value) in protectedCentre.DataCentre.ServiceEnvironment.Concat(settings ?? new Dictionary<string, string?>()))
                environment[key] = value;
            protectedCentre.Services = await ServiceStack.StartAsync(environment);
            return protectedCentre;
        }
        catch
        {
            await protectedCentre.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the services, then the data centre, then the broker, each even when stopping another failed.</summary>
    public ValueTask DisposeAsync() => new(Teardown.RunAsync("the protected data centre",
    [
        () => Services?.DisposeAsync() ?? ValueTask.CompletedTask,
        () => DataCentre?.DisposeAsync() ?? ValueTask.CompletedTask,
        async () => await Broker.DisposeAsync(),
    ]));
}
