using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OpenTelemetry;

namespace ThreeRC.ServiceDefaults.Rehearsal;

/// <summary>
/// Before the bus starts, plays each module's <see cref="IRehearsal"/> on a <see cref="RehearsalStage"/> of its
/// own. A rehearsal that fails or runs out of time is logged and the service starts all the same: it only costs
/// the first real incident the compiling it would have saved.
/// </summary>
internal sealed class StartupRehearsal(
    IConfiguration configuration,
    Action<ServiceModules> addModules,
    IReadOnlyList<(int Part, IRehearsal Rehearsal)> rehearsals,
    IOptions<RehearsalOptions> options,
    ILogger<StartupRehearsal> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled) return;

        // The stage's messages are no part of the data centre's traces or logs; both settings end with this call.
        using var untraced = SuppressInstrumentationScope.Begin();
        LogContext.ConfigureCurrentLogContext(NullLoggerFactory.Instance);
        foreach (var (part, rehearsal) in rehearsals) await PlayAsync(part, rehearsal, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task PlayAsync(int part, IRehearsal rehearsal, CancellationToken cancellationToken)
    {
        var name = rehearsal.GetType().Name;
        var meter = new RehearsalMeter();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.Timeout);
        try
        {
            await using var stage = await RehearsalStage.OpenAsync(configuration, addModules, part, timeout.Token);
            await rehearsal.PlayAsync(stage, timeout.Token);
            logger.LogInformation("{Rehearsal} played in {Milliseconds} ms, {Methods} methods compiled before the first incident",
                name, meter.Milliseconds, meter.MethodsCompiled);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "{Rehearsal} stopped after {Milliseconds} ms (limit {Timeout}): {Reason}; the first incident will compile the rest",
                name, meter.Milliseconds, options.Value.Timeout, e.Message);
        }
    }
}
