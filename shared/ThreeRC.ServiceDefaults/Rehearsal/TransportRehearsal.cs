using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry;

namespace ThreeRC.ServiceDefaults.Rehearsal;

/// <summary>
/// Once the real bus has started, sends one <see cref="RehearsalEcho"/> to the service's own, private bus endpoint
/// and waits for it: the transport's send and receive code is compiled too, and no other service sees it.
/// </summary>
internal sealed class TransportRehearsal(IBus bus, IOptions<RehearsalOptions> options, TimeProvider time, ILogger<TransportRehearsal> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled) return;

        using var untraced = SuppressInstrumentationScope.Begin();
        var meter = new RehearsalMeter();
        var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = bus.ConnectHandler<RehearsalEcho>(_ =>
        {
            heard.TrySetResult();
            return Task.CompletedTask;
        });
        try
        {
            var self = await bus.GetSendEndpoint(bus.Address);
            await self.Send(new RehearsalEcho(time.GetUtcNow()), cancellationToken);
            await heard.Task.WaitAsync(options.Value.Timeout, time, cancellationToken);
            logger.LogInformation("The bus carried an echo to itself in {Milliseconds} ms, {Methods} methods compiled before the first incident",
                meter.Milliseconds, meter.MethodsCompiled);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "The bus did not carry an echo to itself within {Timeout}: {Reason}; the first incident will compile the rest",
                options.Value.Timeout, e.Message);
        }
        finally
        {
            handler.Disconnect();
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
