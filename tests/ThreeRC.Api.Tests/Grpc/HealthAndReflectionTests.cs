using System.Text.Json;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Grpc.Reflection.V1Alpha;
using ThreeRC.Api.Tests.Fixtures;
using ThreeRC.Api.V1;

namespace ThreeRC.Api.Tests.Grpc;

public sealed class HealthAndReflectionTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private readonly ApiHost _api = fixture.Host;

    [Fact]
    public async Task The_standard_gRPC_health_service_reports_serving()
    {
        var health = await new Health.HealthClient(_api.Anonymous).CheckAsync(new HealthCheckRequest());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
    }

    [Fact]
    public async Task Reflection_lists_every_service_and_hands_out_the_proto_files()
    {
        var reflection = new ServerReflection.ServerReflectionClient(_api.Anonymous);
        using var call = reflection.ServerReflectionInfo();

        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.ResponseStream.MoveNext(CancellationToken.None);
        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(service => service.Name).ToList();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { FileContainingSymbol = "threerc.v1.Recoveries" });
        await call.ResponseStream.MoveNext(CancellationToken.None);
        var file = Google.Protobuf.Reflection.FileDescriptorProto.Parser.ParseFrom(
            call.ResponseStream.Current.FileDescriptorResponse.FileDescriptorProto[0]);
        await call.RequestStream.CompleteAsync();

        Assert.Subset(services.ToHashSet(), new HashSet<string>
        {
            "threerc.v1.Cluster", "threerc.v1.Recoveries", "threerc.v1.Reports", "threerc.v1.Events", "threerc.v1.Operations",
            "grpc.health.v1.Health",
        });
        Assert.Equal("threerc/v1/recoveries.proto", file.Name);
        Assert.Contains(file.Service.Single().Method, method => method.Name == "PlanRecovery");
    }

    [Fact]
    public async Task Reflection_describes_the_operator_commands_and_the_brake_in_the_cluster_status()
    {
        var reflection = new ServerReflection.ServerReflectionClient(_api.Anonymous);
        using var call = reflection.ServerReflectionInfo();

        var operations = await FileContaining(call, "threerc.v1.Operations");
        var cluster = await FileContaining(call, "threerc.v1.Cluster");
        await call.RequestStream.CompleteAsync();

        Assert.Equal(["SetMaintenance", "TriggerRecovery", "ResumeFencing", "AcknowledgeFencingAlert", "RunPreflight"], operations.Service.Single().Method.Select(method => method.Name));
        Assert.Contains(cluster.MessageType.Single(message => message.Name == "ListHostsResponse").Field, field => field.Name == "fencing_halted");
        Assert.Contains(cluster.MessageType.Single(message => message.Name == "ListHostsResponse").Field, field => field.Name == "fencing_alerts");
    }

    [Fact]
    public async Task The_HTTP_port_answers_the_health_endpoint_over_HTTP_1_1()
    {
        using var http = new HttpClient();

        using var response = await http.GetAsync($"http://127.0.0.1:{_api.HttpPort}/health");
        var body = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());

        Assert.Equal(new Version(1, 1), response.Version);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Contains(body.GetProperty("checks").EnumerateArray(), check => check.GetProperty("name").GetString() == "api-read-model");
    }

    [Fact]
    public async Task The_HTTP_port_does_not_speak_gRPC_because_cleartext_HTTP_2_needs_its_own_port()
    {
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{_api.HttpPort}");

        var error = await Assert.ThrowsAsync<RpcException>(() => new Cluster.ClusterClient(channel).ListHostsAsync(new ListHostsRequest()).ResponseAsync);

        Assert.Contains("HTTP_1_1_REQUIRED", error.Status.DebugException?.Message ?? error.Status.Detail);
    }

    private static async Task<Google.Protobuf.Reflection.FileDescriptorProto> FileContaining(
        AsyncDuplexStreamingCall<ServerReflectionRequest, ServerReflectionResponse> call, string symbol)
    {
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { FileContainingSymbol = symbol });
        await call.ResponseStream.MoveNext(CancellationToken.None);
        return Google.Protobuf.Reflection.FileDescriptorProto.Parser.ParseFrom(call.ResponseStream.Current.FileDescriptorResponse.FileDescriptorProto[0]);
    }
}
