using System.Data.Common;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace ThreeRC.Api.Grpc;

/// <summary>
/// A call that finds the Api's store down (PostgreSQL restarting, its connection cut) is answered Unavailable, which
/// clients retry, with what failed; not Unknown with a stack trace in the log.
/// </summary>
internal sealed class StoreUnavailableInterceptor(ILogger<StoreUnavailableInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (DbException e)
        {
            throw Unavailable(context, e);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (DbException e)
        {
            throw Unavailable(context, e);
        }
    }

    private RpcException Unavailable(ServerCallContext context, DbException e)
    {
        logger.LogWarning("{Method}: the Api's store did not answer: {Message}", context.Method, e.Message);
        return new RpcException(new Status(StatusCode.Unavailable, $"the Api's store did not answer ({e.Message}); try again shortly"));
    }
}
