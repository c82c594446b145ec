using Grpc.Core;
using Grpc.Core.Interceptors;

namespace ThreeRC.Api.Authentication;

/// <summary>Refuses operator commands (and, when configured, reads) that do not present the API key.</summary>
internal sealed class ApiKeyInterceptor(OperatorKey key, ILogger<ApiKeyInterceptor> logger) : Interceptor
{
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
        switch (key.Check(isCommand, context.RequestHeaders.GetValue(OperatorKey.Header)))
        {
            case KeyCheck.NoKeyConfigured:
                throw new RpcException(new Status(StatusCode.FailedPrecondition,
                    "operator commands are disabled: this Api has no API key configured (set Api:ApiKey or Api:ApiKeyFile)"));
            case KeyCheck.Missing:
                throw new RpcException(new Status(StatusCode.Unauthenticated,
                    $"{context.Method} needs the API key in the {OperatorKey.Header} metadata (threerc --api-key or THREERC_API_KEY)"));
            case KeyCheck.Invalid:
                logger.LogWarning("Refused {Method} from {Peer}: its API key does not match", context.Method, context.Peer);
                throw new RpcException(new Status(StatusCode.Unauthenticated, $"the API key in the {OperatorKey.Header} metadata is not valid"));
        }
    }
}
