using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ThreeRC.PxeProvisioner.Options;
using ThreeRC.PxeProvisioner.Provisioning;
using ThreeRC.ServiceDefaults.Hosting;

namespace ThreeRC.PxeProvisioner.Hosting;

/// <summary>
/// Every <c>Pxe:SweepInterval</c>, puts back to local boot the entries whose token has expired: past that time the
/// installer's call-back would be refused, and an entry left on the installer wipes the VM at its next network boot.
/// </summary>
internal sealed class ExpiredTokenSweeper(ArmedEntrySweep sweep, IOptions<PxeOptions> options, TimeProvider time, ILogger<ExpiredTokenSweeper> logger)
    : PeriodicWork(time, logger)
{
    protected override TimeSpan Interval => options.Value.SweepInterval;

    protected override string Name => "The sweep of expired install tokens";

    /// <summary>The start-up restore runs its own sweep before the provisioner takes commands.</summary>
    protected override bool RunsAtStart => false;

    protected override Task RunRoundAsync(CancellationToken cancellationToken) => sweep.SweepAsync(atStart: false, cancellationToken);
}
