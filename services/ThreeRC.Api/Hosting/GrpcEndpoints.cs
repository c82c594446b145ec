using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using ThreeRC.Api.Options;

namespace ThreeRC.Api.Hosting;

/// <summary>
/// Kestrel cannot serve HTTP/1.1 and cleartext HTTP/2 on one port (without TLS there is no ALPN to choose), so
/// the URL whose port is Api:GrpcPort speaks HTTP/2 only (gRPC) and every other URL keeps HTTP/1.1 (/health).
/// </summary>
internal static class GrpcEndpoints
{
    public static void UseHttp2OnGrpcPort(KestrelServerOptions kestrel, IOptions<ApiOptions> options)
    {
        var port = options.Value.GrpcPort;
        kestrel.ConfigureEndpointDefaults(listen =>
        {
            if (listen.IPEndPoint?.Port == port) listen.Protocols = HttpProtocols.Http2;
        });
    }

    /// <summary>Says at start where gRPC is served, or that it is not.</summary>
    public sealed class Reporter(IServer server, IHostApplicationLifetime lifetime, IOptions<ApiOptions> options, ILogger<Reporter> logger)
        : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            lifetime.ApplicationStarted.Register(Report);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        private void Report()
        {
            var port = options.Value.GrpcPort;
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var grpc = addresses.Where(address => BindingAddress.Parse(address).Port == port).ToList();
            if (grpc.Count > 0)
                logger.LogInformation("gRPC (cleartext HTTP/2) is served on {Addresses}", string.Join(", ", grpc));
            else
                logger.LogWarning(
                    "gRPC is not served: no URL uses Api:GrpcPort {Port} (the URLs are {Addresses}); add http://0.0.0.0:{Port} to Urls",
                    port, string.Join(", ", addresses), port);
        }
    }
}
