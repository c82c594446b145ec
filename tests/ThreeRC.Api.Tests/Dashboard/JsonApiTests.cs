using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ThreeRC.Api.Tests.Fixtures;
using ThreeRC.Contracts.Monitoring;

namespace ThreeRC.Api.Tests.Dashboard;

/// <summary>The JSON API on the Api's HTTP/1.1 URL (gRPC JSON transcoding): what the dashboard and curl use.</summary>
public sealed class JsonApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private readonly ApiHost _api = fixture.Host;

    [Fact]
    public async Task Reads_answer_JSON_with_the_fields_of_the_gRPC_messages()
    {
        using var http = Http();

        var hosts = await http.GetFromJsonAsync<JsonElement>("/v1/hosts");
        var vm = await http.GetFromJsonAsync<JsonElement>("/v1/vms/web01");

        Assert.Equal(TestInventory.Hosts, hosts.GetProperty("hosts").EnumerateArray().Select(host => host.GetProperty("name").GetString()));
        Assert.Equal(("web01", "alfa02", false), (vm.GetProperty("name").GetString(), vm.GetProperty("homeHost").GetString(), vm.GetProperty("reinstallAllowed").GetBoolean()));
    }

    [Fact]
    public async Task An_unknown_VM_is_404_with_the_gRPC_message()
    {
        using var http = Http();

        using var response = await http.GetAsync("/v1/vms/ghost");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("the inventory has no VM named 'ghost'", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString());
    }

    [Fact]
    public async Task An_operator_command_without_the_key_is_401_and_publishes_nothing_with_it_it_is_carried_out()
    {
        using var http = Http();
        var body = new { target = "MAINTENANCE_TARGET_VM", name = "db06", inMaintenance = true, reason = "disk check", requestedBy = "alice" };

        using var refused = await http.PostAsJsonAsync("/v1/maintenance", body);
        http.DefaultRequestHeaders.Add("x-api-key", ApiHost.Key);
        using var accepted = await http.PostAsJsonAsync("/v1/maintenance", body);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("needs the API key", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(("maintenance-on", "vm:db06"), Action(await accepted.Content.ReadFromJsonAsync<JsonElement>()));
        var changed = await _api.Received.AwaitAsync<Contracts.Operations.MaintenanceChanged>(message => message.Name == "db06");
        Assert.Equal("alice", Assert.Single(changed).ChangedBy);
    }

    [Fact]
    public async Task The_event_stream_is_one_JSON_object_per_line_as_the_events_arrive()
    {
        using var http = Http();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var response = await http.GetAsync("/v1/events:watch?vmNames=db07", HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        using var lines = new StreamReader(await response.Content.ReadAsStreamAsync(cancel.Token));

        await _api.PublishAsync(Sample.Down("db07", HostKind.Virtual, DateTimeOffset.UtcNow));
        var line = await lines.ReadLineAsync(cancel.Token);

        var received = JsonDocument.Parse(line!).RootElement;
        Assert.Equal(("HostUnresponsive", "db07"), (received.GetProperty("kind").GetString(), received.GetProperty("vmName").GetString()));
    }

    private HttpClient Http() => new() { BaseAddress = new Uri($"http://127.0.0.1:{_api.HttpPort}") };

    private static (string?, string?) Action(JsonElement action) => (action.GetProperty("action").GetString(), action.GetProperty("target").GetString());
}
