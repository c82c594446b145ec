namespace ThreeRC.Testing.Stack;

/// <summary>
/// The six ThreeRC services, each its own process, on one RabbitMQ, with their own data folders. Any of them can be
/// killed (kill -9) and started again with the same settings. All of them are stopped when it is disposed.
/// </summary>
public sealed class ServiceStack : IAsyncDisposable
{
    public static readonly string[] Services =
        ["ThreeRC.Monitor", "ThreeRC.Orchestrator", "ThreeRC.Placement", "ThreeRC.HypervisorExecutor", "ThreeRC.PxeProvisioner", "ThreeRC.Api"];

    private readonly TempDirectory _data = new("stack");
    private readonly Dictionary<string, int> _ports = Services.ToDictionary(service => service, _ => FreePort.Next());
    private readonly Dictionary<string, ServiceProcess> _running = [];
    private readonly Dictionary<string, string> _earlierOutput = [];
    private readonly IReadOnlyDictionary<string, string?> _environment;
    private readonly int _grpcPort = FreePort.Next();

    private ServiceStack(IReadOnlyDictionary<string, string?> environment) => _environment = environment;

    /// <summary>The Api's gRPC address.</summary>
    public string ApiAddress => $"http://127.0.0.1:{_grpcPort}";

    /// <summary>Starts every service with <paramref name="environment"/> (bus, inventory, data centre) and waits until each is healthy.</summary>
    public static async Task<ServiceStack> StartAsync(IReadOnlyDictionary<string, string?> environment)
    {
        var stack = new ServiceStack(environment);
        try
        {
            foreach (var service in Services) stack.Launch(service);
            foreach (var service in Services) await stack.WaitUntilHealthyAsync(service);
            return stack;
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }
    }

    /// <summary>kill -9: the service gets no chance to finish what it was doing.</summary>
    public async Task KillAsync(string service)
    {
        var process = _running[service];
        process.Kill();
        _earlierOutput[service] = _earlierOutput.GetValueOrDefault(service, "") + process.Output;
        await process.DisposeAsync();
        _running.Remove(service);
    }

    /// <summary>Waits until the service's process has ended on its own (a fault it injected into itself), and keeps what it printed.</summary>
    public async Task WaitForExitAsync(string service, TimeSpan timeout)
    {
        var process = _running[service];
        await process.WaitForExitAsync(timeout);
        _earlierOutput[service] = _earlierOutput.GetValueOrDefault(service, "") + process.Output;
        await process.DisposeAsync();
        _running.Remove(service);
    }

    /// <summary>Starts a killed service again, with its data folder as it was left.</summary>
    public async Task RestartAsync(string service)
    {
        Launch(service);
        await WaitUntilHealthyAsync(service);
    }

    /// <summary>Everything the service printed, across restarts.</summary>
    public string Output(string service) =>
        _earlierOutput.GetValueOrDefault(service, "") + (_running.TryGetValue(service, out var process) ? process.Output : "");

    private void Launch(string service)
    {
        var port = _ports[service];
        var data = Directory.CreateDirectory(_data.Combine(service)).FullName;
        var environment = new Dictionary<string, string?>(_environment.Concat(TestStorage.Environment(data)))
        {
            ["Urls"] = $"http://127.0.0.1:{port}",
            ["Pxe__CallbackBaseUrl"] = $"http://127.0.0.1:{_ports["ThreeRC.PxeProvisioner"]}",
        };
        if (service == "ThreeRC.Api")
        {
            environment["Urls"] = $"http://127.0.0.1:{port};{ApiAddress}";
            environment["Api__GrpcPort"] = $"{_grpcPort}";
        }

        _running[service] = ServiceProcess.StartService(service, environment);
    }

    private Task WaitUntilHealthyAsync(string service) =>
        _running[service].WaitForHealthAsync($"http://127.0.0.1:{_ports[service]}/health", timeout: TimeSpan.FromSeconds(90));

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_running.Values.Select(process => process.DisposeAsync().AsTask()));
        _data.Dispose();
    }
}
