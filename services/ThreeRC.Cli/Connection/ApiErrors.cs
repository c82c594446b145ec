using Grpc.Core;

namespace ThreeRC.Cli.Connection;

/// <summary>Turns a failed call into a message a person can act on, and the exit code it deserves.</summary>
public static class ApiErrors
{
    /// <summary>
    /// A status that carries a debug exception was made by the client itself: the call never reached the Api.
    /// A status without one is the Api's answer.
    /// </summary>
    public static (int ExitCode, string Message) Describe(RpcException error, Uri address)
    {
        if (error.Status.DebugException is { } connection)
        {
            var cause = Innermost(connection).Message;
            var hint = cause.Contains("HTTP/2", StringComparison.Ordinal) || cause.Contains("HTTP/1", StringComparison.Ordinal)
                ? "it does not speak gRPC there: point --api at the Api's gRPC port (Api:GrpcPort, 5087 by default)"
                : "is it running? Point --api (or THREERC_API) at its gRPC address";
            return (ExitCodes.Unreachable, $"cannot reach the ThreeRC Api at {address}: {cause}; {hint}");
        }

        if (error.StatusCode == StatusCode.DeadlineExceeded)
            return (ExitCodes.Unreachable, $"the ThreeRC Api at {address} did not answer in time");
        return (ExitCodes.ApiError, $"{error.StatusCode}: {error.Status.Detail}");
    }

    private static Exception Innermost(Exception error) => error.InnerException is { } inner ? Innermost(inner) : error;
}
