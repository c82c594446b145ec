namespace ThreeRC.Testing.Stack;

/// <summary>
/// The six ThreeRC services, each its own process, on one RabbitMQ, with their own data folders. Any of them can be
/// killed (kill -9) and started again with the same settings. All of them are stopped when it is disposed. With
/// instance names, each service runs once per name (<c>ThreeRC.Orchestrator/a</c>, <c>ThreeRC.Orchestrator/b</c>),
/// the instances of a service sharing its data folder and storage settings.
/// </summary>
public sealed class ServiceStack : IAsyncDisposable
{
    public static readonly string[] Services =
        ["ThreeRC.Monitor", "ThreeRC.Orchestrator", "ThreeRC.Placement", "ThreeRC.HypervisorExecutor", "ThreeRC.PxeProvisioner", "ThreeRC.Api"];

    private readonly TempDirectory _data = new("stack");
    private readonly Dictionary<string, int> _ports;
    private readonly Dictionary<string, int> _grpcPorts;
    private readonly Dictionary<string, ServiceProcess> _running = [];
    private readonly Dictionary<string, string> _earlierOutput = [];
    private readonly IReadOnlyDictionary<string, string?> _environment;

    private ServiceStack(IReadOnlyDictionary<string, string?> environment, IReadOnlyList<string> instances)
    {
        _environment = environment;
        Processes = instances.Count == 0 ? Services : [.. Services.SelectMany(service => instances.Select(instance => $"{service}/{instance}"))];
        _ports = Processes.ToDictionary(process => process, _ => FreePort.Next());
        _grpcPorts = Processes.Where(process => ServiceOf(process) == "ThreeRC.Api").ToDictionary(process => process, _ => FreePort.Next());
    }

    /// <summary>Every process of the stack: the service names, or service/instance with instance names.</summary>
    public IReadOnlyList<string> Processes { get; }

    /// <summary>The (first) Api's gRPC address.</summary>
    public string ApiAddress => ApiAddressOf(_grpcPorts.Keys.First());

    /// <summary>The (first) Api's HTTP/1.1 address: its dashboard, JSON API and health.</summary>
    public string ApiWebAddress => $"http://127.0.0.1:{_ports[_grpcPorts.Keys.First()]}";

    /// <summary>The gRPC address of the Api process <paramref name="api"/> (ThreeRC.Api or ThreeRC.Api/INSTANCE).</summary>
    public string ApiAddressOf(string api) => $"http://127.0.0.1:{_grpcPorts[api]}";

    /// <summary>
    /// Starts every service (once per name of <paramref name="instances"/>, if any) with <paramref name="environment"/>
    /// (bus, inventory, data centre) and waits until each is healthy.
    /// </summary>
    public static async Task<ServiceStack> StartAsync(IReadOnlyDictionary<string, string?> environment, IReadOnlyList<string>? instances = null)
    {
        var stack = new ServiceStack(environment, instances ?? []);
        try
        {
            foreach (var process in stack.Processes) stack.Launch(process);
            foreach (var process in stack.Processes) await stack.WaitUntilHealthyAsync(process);
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

    private static string ServiceOf(string process) => process.Split('/')[0];

    private void Launch(string process)
    {
        var (service, port) = (ServiceOf(process), _ports[process]);
        var instance = process.Contains('/') ? process.Split('/')[1] : null;
        var data = Directory.CreateDirectory(_data.Combine(service)).FullName;
        var environment = TestStorage.Environment(data);
        foreach (var (key, value) in _environment) environment[key] = value;
        environment["Urls"] = $"http://127.0.0.1:{port}";
        if (instance is not null) environment["Bus__InstanceName"] = instance;
        // Each provisioner names itself in the entries it writes; the tokens are in the store they share.
        var provisioner = service == "ThreeRC.PxeProvisioner" ? process : _ports.Keys.First(key => ServiceOf(key) == "ThreeRC.PxeProvisioner");
        environment["Pxe__CallbackBaseUrl"] = $"http://127.0.0.1:{_ports[provisioner]}";
        if (service == "ThreeRC.Api")
        {
            environment["Urls"] = $"http://127.0.0.1:{port};{ApiAddressOf(process)}";
            environment["Api__GrpcPort"] = $"{_grpcPorts[process]}";
        }

        _running[process] = ServiceProcess.StartService(service, environment);
    }

    // Degraded is serving: an executor started while a host is down says so, and recovers the others.
    private Task WaitUntilHealthyAsync(string service) =>
        _running[service].WaitForHealthAsync($"http://127.0.0.1:{_ports[service]}/health", ["Healthy", "Degraded"], TimeSpan.FromSeconds(90));

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_running.Values.Select(process => process.DisposeAsync().AsTask()));
        _data.Dispose();
    }
}
