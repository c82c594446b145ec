using System.CommandLine;
using Grpc.Core;
using ThreeRC.Cli.Connection;
using ThreeRC.Cli.Output;

namespace ThreeRC.Cli.Commands;

public static class ApiAction
{
    /// <summary>Sets a command's action: opens a session, runs, and turns every failure into a message on standard error and an exit code.</summary>
    public static Command WithApiAction(this Command command, Func<ApiSession, Printer, ParseResult, CancellationToken, Task> run) =>
        command.WithApiAction(async (session, printer, parsed, cancellationToken) =>
        {
            await run(session, printer, parsed, cancellationToken);
            return ExitCodes.Success;
        });

    /// <summary>As the other overload, for a command whose run decides the exit code of a call that succeeded.</summary>
    public static Command WithApiAction(this Command command, Func<ApiSession, Printer, ParseResult, CancellationToken, Task<int>> run)
    {
        command.SetAction(async (parsed, cancellationToken) =>
        {
            ApiSession? session = null;
            try
            {
                session = ApiSession.Open(parsed);
                return await run(session, Printer.For(parsed), parsed, cancellationToken);
            }
            catch (UsageException e)
            {
                await Console.Error.WriteLineAsync($"error: {e.Message}");
                return ExitCodes.BadArguments;
            }
            catch (Exception e) when (cancellationToken.IsCancellationRequested && e is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled })
            {
                return ExitCodes.Success;
            }
            catch (RpcException e)
            {
                var (exitCode, message) = ApiErrors.Describe(e, session!.Address);
                await Console.Error.WriteLineAsync($"error: {message}");
                return exitCode;
            }
            finally
            {
                session?.Dispose();
            }
        });
        return command;
    }
}
