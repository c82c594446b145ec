using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Xunit;

namespace ThreeRC.Testing;

/// <summary>
/// A private RabbitMQ node from Debian's rabbitmq-server, started by <c>infra/scripts/rabbitmq.sh</c> on loopback
/// ports with its own node name and data folder, and always stopped.
/// </summary>
public sealed class RabbitMqBroker : IAsyncLifetime
{
    private static readonly string Script = RepositoryRoot.Combine("infra", "scripts", "rabbitmq.sh");
    private readonly TempDirectory _directory = new("rabbitmq");
    private Dictionary<string, string> _connection = [];

    public string Host => _connection["RABBITMQ_HOST"];

    public ushort Port => ushort.Parse(_connection["RABBITMQ_PORT"]);

    public int ManagementPort => int.Parse(_connection["RABBITMQ_MANAGEMENT_PORT"]);

    public string User => _connection["RABBITMQ_USER"];

    public string Password => _connection["RABBITMQ_PASSWORD"];

    /// <summary>The configuration keys that point a ThreeRC host's bus at this broker.</summary>
    public IReadOnlyDictionary<string, string?> BusConfiguration => new Dictionary<string, string?>
    {
        ["Bus:Transport"] = "RabbitMq",
        ["Bus:RabbitMq:Host"] = Host,
        ["Bus:RabbitMq:Port"] = Port.ToString(),
        ["Bus:RabbitMq:Username"] = User,
        ["Bus:RabbitMq:Password"] = Password,
    };

    /// <summary>The same, as environment variables for a service process.</summary>
    public IReadOnlyDictionary<string, string?> BusEnvironment =>
        BusConfiguration.ToDictionary(pair => pair.Key.Replace(":", "__"), pair => pair.Value);

    public async Task InitializeAsync()
    {
        var result = await Command.RunAsync("bash", [Script, "start", _directory.Path], TimeSpan.FromMinutes(2));
        if (result.ExitCode != 0) throw new InvalidOperationException($"RabbitMQ did not start: {result}");
        _connection = result.Settings();
    }

    public Task StopAsync() => Command.RunAsync("bash", [Script, "stop", _directory.Path], TimeSpan.FromMinutes(1));

    /// <summary>Stops the node and starts it again with the same ports, password and data.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        _directory.Dispose();
    }

    /// <summary>The names of the queues the management API lists.</summary>
    public async Task<IReadOnlyList<string>> QueueNamesAsync()
    {
        using var response = await ManagementGetAsync("api/queues");
        var queues = await response.Content.ReadFromJsonAsync<JsonElement>();
        return queues.EnumerateArray().Select(queue => queue.GetProperty("name").GetString()!).ToList();
    }

    /// <summary>Every queue the management API lists, with how many consumers it has now.</summary>
    public async Task<IReadOnlyList<(string Name, int Consumers)>> QueuesAsync()
    {
        using var response = await ManagementGetAsync("api/queues");
        var queues = await response.Content.ReadFromJsonAsync<JsonElement>();
        return queues.EnumerateArray()
            .Select(queue => (queue.GetProperty("name").GetString()!, queue.TryGetProperty("consumers", out var consumers) ? consumers.GetInt32() : 0))
            .ToList();
    }

    /// <summary>The names of the exchanges the management API lists.</summary>
    public async Task<IReadOnlyList<string>> ExchangeNamesAsync()
    {
        using var response = await ManagementGetAsync("api/exchanges");
        var exchanges = await response.Content.ReadFromJsonAsync<JsonElement>();
        return exchanges.EnumerateArray().Select(exchange => exchange.GetProperty("name").GetString()!).ToList();
    }

    private async Task<HttpResponseMessage> ManagementGetAsync(string path)
    {
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{ManagementPort}/") };
        client.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}")));
        var response = await client.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return response;
    }
}
