using System.CommandLine;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using ThreeRC.Api.V1;

namespace ThreeRC.Cli.Connection;

/// <summary>A gRPC channel to the Api, presenting the API key (when given) on every call.</summary>
public sealed class ApiSession : IDisposable
{
    public const string KeyHeader = "x-api-key";

    private static readonly TimeSpan UnaryDeadline = TimeSpan.FromSeconds(30);
    private readonly GrpcChannel _channel;

    private ApiSession(Uri address, string? key, string requestedBy)
    {
        Address = address;
        RequestedBy = requestedBy;
        _channel = GrpcChannel.ForAddress(address);
        var invoker = key is null ? _channel.CreateCallInvoker() : _channel.Intercept(metadata =>
        {
            metadata.Add(KeyHeader, key);
            return metadata;
        });
        Cluster = new Cluster.ClusterClient(invoker);
        Recoveries = new Recoveries.RecoveriesClient(invoker);
        Reports = new Reports.ReportsClient(invoker);
        Events = new Events.EventsClient(invoker);
        Operations = new Operations.OperationsClient(invoker);
    }

    public Uri Address { get; }

    /// <summary>Who the operator commands say asked.</summary>
    public string RequestedBy { get; }

    public Cluster.ClusterClient Cluster { get; }

    public Recoveries.RecoveriesClient Recoveries { get; }

    public Reports.ReportsClient Reports { get; }

    public Events.EventsClient Events { get; }

    public Operations.OperationsClient Operations { get; }

    public static ApiSession Open(ParseResult parsed)
    {
        var text = GlobalOptions.ApiAddress(parsed);
        if (!Uri.TryCreate(text, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
            throw new UsageException($"--api: '{text}' is not an http:// or https:// address such as {GlobalOptions.DefaultApi}");
        var key = GlobalOptions.Key(parsed);
        if (key is not null && key.Any(c => c is < '!' or > '~'))
            throw new UsageException("--api-key: the key must be printable ASCII without spaces");
        return new ApiSession(address, key, GlobalOptions.OperatorName(parsed));
    }

    public static CallOptions Unary(CancellationToken cancellationToken) =>
        new(deadline: DateTime.UtcNow + UnaryDeadline, cancellationToken: cancellationToken);

    public static CallOptions Streaming(CancellationToken cancellationToken) => new(cancellationToken: cancellationToken);

    public void Dispose() => _channel.Dispose();
}
