using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Options;
using ThreeRC.Api.Options;

namespace ThreeRC.Api.Authentication;

/// <summary>Refuses operator commands (and, when configured, reads) that do not present the API key.</summary>
internal sealed class ApiKeyInterceptor(OperatorKey key, IOptions<ApiOptions> options, ILogger<ApiKeyInterceptor> logger) : Interceptor
{
    public const string Header = "x-api-key";

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Authorize(context);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authorize(context);
        return continuation(request, responseStream, context);
    }

    private void Authorize(ServerCallContext context)
    {
        var isCommand = context.GetHttpContext().GetEndpoint()?.Metadata.GetMetadata<OperatorCommandAttribute>() is not null;
        if (!isCommand && !options.Value.RequireKeyForReads) return;
        if (!key.IsConfigured)
            throw new RpcException(new Status(StatusCode.FailedPrecondition,
                "operator commands are disabled: this Api has no API key configured (set Api:ApiKey or Api:ApiKeyFile)"));

        var presented = context.RequestHeaders.GetValue(Header);
        if (string.IsNullOrEmpty(presented))
            throw new RpcException(new Status(StatusCode.Unauthenticated,
                $"{context.Method} needs the API key in the {Header} metadata (threerc --api-key or THREERC_API_KEY)"));
        if (!key.Matches(presented))
        {
            logger.LogWarning("Refused {Method} from {Peer}: its API key does not match", context.Method, context.Peer);
            throw new RpcException(new Status(StatusCode.Unauthenticated, $"the API key in the {Header} metadata is not valid"));
        }
    }
}
