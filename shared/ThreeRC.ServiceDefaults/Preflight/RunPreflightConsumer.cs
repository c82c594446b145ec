using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ThreeRC.Contracts.Operations;
using ThreeRC.ServiceDefaults.Messaging;

namespace ThreeRC.ServiceDefaults.Preflight;

/// <summary>
/// Runs every check this process's modules registered, all at once, each for at most <see cref="CheckTimeout"/>,
/// and publishes what they found. A check that fails to run is a failed finding, never a missing one.
/// </summary>
public sealed class RunPreflightConsumer(
    IEnumerable<IPreflightCheck> checks, IHostEnvironment environment, IOptions<BusOptions> bus, TimeProvider time) : IConsumer<RunPreflight>
{
    public static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(60);

    public async Task Consume(ConsumeContext<RunPreflight> context)
    {
        var all = checks.ToList();
        var findings = await Task.WhenAll(all.Select(check => RunAsync(check, context.CancellationToken)));
        await context.Publish(new PreflightAnswered(
            context.Message.PreflightId,
            environment.ApplicationName,
            bus.Value.InstanceName,
            all.Select(check => check.Module).Distinct().ToList(),
            findings.SelectMany(found => found).ToList(),
            time.GetUtcNow()));
    }

    private static async Task<IReadOnlyList<PreflightFinding>> RunAsync(IPreflightCheck check, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CheckTimeout);
        try
        {
            return await check.RunAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return [new PreflightFinding(check.Module, check.Name, "", false, $"did not finish within {CheckTimeout.TotalSeconds:0} s")];
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            return [new PreflightFinding(check.Module, check.Name, "", false, e.Message)];
        }
    }
}
