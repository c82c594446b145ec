using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ThreeRC.Inventory.Model;
using ThreeRC.PxeProvisioner.Dns;
using ThreeRC.PxeProvisioner.Options;
using ThreeRC.PxeProvisioner.Provisioning;
using ThreeRC.PxeProvisioner.Pxelinux;

namespace ThreeRC.PxeProvisioner.Hosting;

/// <summary>
/// Before the provisioner takes commands: every VM of the inventory gets a local-boot entry unless it has one (a
/// pending install with a live token is kept; one without is put back to local boot), temporary files a crash left
/// are removed, and the HINFO file is written.
/// </summary>
internal sealed class PxeStartup(
    ClusterInventory inventory,
    TftpRoot tftp,
    AtomicFileWriter writer,
    ArmedEntrySweep sweep,
    IOptions<PxeOptions> options,
    ILogger<PxeStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(tftp.ConfigFolder);
        foreach (var leftover in AtomicFileWriter.RemoveLeftovers(tftp.ConfigFolder, DateTime.UtcNow))
            logger.LogWarning("Removed {File}, left by a write that did not finish", leftover);

        foreach (var vm in inventory.Vms) await WriteLocalBootIfMissingAsync(vm, cancellationToken);
        await sweep.SweepAsync(atStart: true, cancellationToken);
        if (string.IsNullOrEmpty(options.Value.CallbackBaseUrl))
            logger.LogWarning("Pxe:CallbackBaseUrl is not configured: every reinstall will be refused");
        if (options.Value.DnsmasqHinfoFile is { Length: > 0 } hinfo) await WriteHinfoAsync(Path.GetFullPath(hinfo), cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task WriteLocalBootIfMissingAsync(VirtualMachine vm, CancellationToken cancellationToken)
    {
        if (!PxeConfigFile.TryFor(vm.Mac, out var file))
        {
            logger.LogError("{Vm} gets no pxelinux entry: its MAC '{Mac}' is not valid", vm.Name, vm.Mac);
            return;
        }

        if (tftp.Exists(file)) return;
        await tftp.WriteAsync(file, PxeConfigRenderer.LocalBoot(vm, inventory.ProfileOf(vm)), cancellationToken);
        logger.LogInformation("Wrote {PxeConfigFile}: {Vm} boots from its local disk", file, vm.Name);
    }

    private async Task WriteHinfoAsync(string file, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await writer.WriteAsync(file, HinfoRecords.Render(inventory), cancellationToken);
        logger.LogInformation("Wrote the HINFO records of the VMs' roles to {File}; dnsmasq reads them when it starts", file);
    }
}
