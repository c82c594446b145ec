using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ThreeRC.PxeProvisioner.Options;
using ThreeRC.PxeProvisioner.Provisioning;

namespace ThreeRC.PxeProvisioner.Hosting;

/// <summary>
/// Every <c>Pxe:SweepInterval</c>, puts back to local boot the entries whose token has expired: past that time the
/// installer's call-back would be refused, and an entry left on the installer wipes the VM at its next network boot.
/// </summary>
internal sealed class ExpiredTokenSweeper(ArmedEntrySweep sweep, IOptions<PxeOptions> options, TimeProvider time, ILogger<ExpiredTokenSweeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await sweep.SweepAsync(atStart: false, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The sweep of expired install tokens failed; retrying in {Interval}", options.Value.SweepInterval);
            }
        }
    }
}
