using System.Net;
using Grpc.Core;
using Grpc.Health.V1;
using Microsoft.Extensions.Options;
using ThreeRC.Api.Tests.Fixtures;
using ThreeRC.Api.V1;
using ThreeRC.Testing;

namespace ThreeRC.Api.Tests.Grpc;

public sealed class AuthenticationTests : IDisposable
{
    private readonly TempDirectory _folder = new("api-keys");

    [Fact]
    public async Task Without_a_configured_key_operator_commands_are_refused_and_say_why_while_reads_work()
    {
        await using var api = await ApiHost.StartAsync(new Dictionary<string, string?> { ["Api:ApiKey"] = "" });

        var error = await Assert.ThrowsAsync<RpcException>(() => api.Operations.SetMaintenanceAsync(new SetMaintenanceRequest
        {
            Target = MaintenanceTarget.Vm, Name = "gridce", InMaintenance = true, Reason = "x", RequestedBy = "alice",
        }).ResponseAsync);
        var hosts = await api.Cluster.ListHostsAsync(new ListHostsRequest());

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("no API key configured (set Api:ApiKey or Api:ApiKeyFile)", error.Status.Detail);
        Assert.Equal(3, hosts.Hosts.Count);
    }

    [Fact]
    public async Task When_reads_need_the_key_too_a_read_without_it_over_gRPC_or_HTTP_is_refused_but_health_stays_open()
    {
        await using var api = await ApiHost.StartAsync(new Dictionary<string, string?> { ["Api:RequireKeyForReads"] = "true" });

        var list = await Assert.ThrowsAsync<RpcException>(() => api.Cluster.ListHostsAsync(new ListHostsRequest()).ResponseAsync);
        using var watch = api.Events.WatchEvents(new WatchEventsRequest());
        var stream = await Assert.ThrowsAsync<RpcException>(() => watch.ResponseStream.MoveNext(CancellationToken.None));
        var withKey = await new Cluster.ClusterClient(api.Operator).ListHostsAsync(new ListHostsRequest());
        var health = await new Health.HealthClient(api.Anonymous).CheckAsync(new HealthCheckRequest());
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{api.HttpPort}") };
        using var report = await http.GetAsync("/reports/recovery-times.svg");
        using var wrongKey = await http.SendAsync(ReportRequest("not-the-key-0123456789"));
        using var reportWithKey = await http.SendAsync(ReportRequest(ApiHost.Key));

        Assert.Equal(StatusCode.Unauthenticated, list.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, stream.StatusCode);
        Assert.Equal(3, withKey.Hosts.Count);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.OK), (report.StatusCode, wrongKey.StatusCode, reportWithKey.StatusCode));
        Assert.Contains("needs the API key for reads too", await report.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_key_can_come_from_a_file()
    {
        var file = _folder.Write("api-key", "key-from-a-file-0123456789\n");
        await using var api = await ApiHost.StartAsync(new Dictionary<string, string?> { ["Api:ApiKey"] = "", ["Api:ApiKeyFile"] = file });

        var action = await new Operations.OperationsClient(api.WithKey("key-from-a-file-0123456789")).SetMaintenanceAsync(new SetMaintenanceRequest
        {
            Target = MaintenanceTarget.Host, Name = "alfa01", InMaintenance = true, Reason = "x", RequestedBy = "alice",
        });

        Assert.Equal("host:alfa01", action.Target);
    }

    [Theory]
    [InlineData("short", null, "false", "Api:ApiKey: the key has 5 characters; use at least 16")]
    [InlineData("a key with spaces in it", null, "false", "Api:ApiKey: the key must be printable ASCII without spaces")]
    [InlineData("0123456789abcdef0123", "/etc/threerc/api-key", "false", "Api:ApiKey and Api:ApiKeyFile are both set")]
    [InlineData("", "/nonexistent/api-key", "false", "Api:ApiKeyFile (/nonexistent/api-key): cannot be read")]
    [InlineData("", null, "true", "Api:RequireKeyForReads: true needs a key")]
    public async Task An_unusable_key_configuration_stops_the_Api_before_it_serves_and_says_what_is_wrong(
        string key, string? file, string requireForReads, string expected)
    {
        var start = ApiHost.StartAsync(new Dictionary<string, string?>
        {
            ["Api:ApiKey"] = key, ["Api:ApiKeyFile"] = file, ["Api:RequireKeyForReads"] = requireForReads,
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => start);

        Assert.Contains(error.Failures, failure => failure.StartsWith(expected, StringComparison.Ordinal));
    }

    public void Dispose() => _folder.Dispose();

    private static HttpRequestMessage ReportRequest(string key) =>
        new(HttpMethod.Get, "/reports/recovery-times.svg") { Headers = { { "x-api-key", key } } };
}
