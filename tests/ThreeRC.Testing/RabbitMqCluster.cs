using Xunit;

namespace ThreeRC.Testing;

/// <summary>
/// A private 3-node RabbitMQ cluster from Debian's rabbitmq-server, started by <c>infra/scripts/rabbitmq.sh cluster</c>
/// on loopback ports, and always stopped. Any node can be stopped and started again; it joins the cluster again.
/// </summary>
public sealed class RabbitMqCluster : IAsyncLifetime
{
    private static readonly string Script = RepositoryRoot.Combine("infra", "scripts", "rabbitmq.sh");
    private readonly TempDirectory _directory = new("rabbitmq-cluster");
    private Dictionary<string, string> _connection = [];

    /// <summary>
    /// The configuration keys that point a ThreeRC host's bus at the cluster: node 1 first, the others after it,
    /// quorum queues, single active consumers where a service asks for them.
    /// </summary>
    public IReadOnlyDictionary<string, string?> BusConfiguration
    {
        get
        {
            var settings = new Dictionary<string, string?>
            {
                ["Bus:Transport"] = "RabbitMq",
                ["Bus:RabbitMq:Host"] = _connection["RABBITMQ_HOST"],
                ["Bus:RabbitMq:Port"] = _connection["RABBITMQ_PORT"],
                ["Bus:RabbitMq:Username"] = _connection["RABBITMQ_USER"],
                ["Bus:RabbitMq:Password"] = _connection["RABBITMQ_PASSWORD"],
                ["Bus:RabbitMq:QueueType"] = "Quorum",
                ["Bus:RabbitMq:SingleActiveConsumers"] = "true",
            };
            var others = _connection["RABBITMQ_NODES"].Split(',');
            for (var i = 0; i < others.Length; i++) settings[$"Bus:RabbitMq:Nodes:{i}"] = others[i];
            return settings;
        }
    }

    /// <summary>The same, as environment variables for a service process.</summary>
    public IReadOnlyDictionary<string, string?> BusEnvironment =>
        BusConfiguration.ToDictionary(pair => pair.Key.Replace(":", "__"), pair => pair.Value);

    public async Task InitializeAsync()
    {
        var result = await Command.RunAsync("bash", [Script, "cluster", _directory.Path], TimeSpan.FromMinutes(4));
        if (result.ExitCode != 0) throw new InvalidOperationException($"The RabbitMQ cluster did not start: {result}");
        _connection = result.Settings();
    }

    /// <summary>Stops node 1, 2 or 3 (node 1 is the one every service connects to first).</summary>
    public async Task StopNodeAsync(int node)
    {
        var result = await Command.RunAsync("bash", [Script, "stop", _directory.Combine($"{node}")], TimeSpan.FromMinutes(1));
        if (result.ExitCode != 0) throw new InvalidOperationException($"RabbitMQ node {node} did not stop: {result}");
    }

    /// <summary>Starts a stopped node again; it rejoins the cluster.</summary>
    public async Task StartNodeAsync(int node)
    {
        var result = await Command.RunAsync("bash", [Script, "start", _directory.Combine($"{node}")], TimeSpan.FromMinutes(2));
        if (result.ExitCode != 0) throw new InvalidOperationException($"RabbitMQ node {node} did not start again: {result}");
    }

    public async Task DisposeAsync()
    {
        await Command.RunAsync("bash", [Script, "stop-cluster", _directory.Path], TimeSpan.FromMinutes(2));
        _directory.Dispose();
    }
}
