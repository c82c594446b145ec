using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ThreeRC.Inventory.Model;

namespace ThreeRC.HypervisorExecutor.Options;

/// <summary>Warns at start about what will make SSH actions fail: no known_hosts file, logins without a usable key, dry run.</summary>
internal sealed class SshReadinessReport(IOptions<ExecutorOptions> options, ClusterInventory inventory, ILogger<SshReadinessReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.DryRun) logger.LogWarning("Executor:DryRun is on: commands are logged and answered as failed, nothing runs");
        if (settings.Ssh.KnownHostsFile is null)
            logger.LogWarning("Executor:Ssh:KnownHostsFile is not set: no host key is trusted, so every SSH action will fail");
        foreach (var problem in KeyProblems(settings.Ssh)) logger.LogWarning("{Problem}: SSH actions there will fail", problem);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private IEnumerable<string> KeyProblems(SshOptions ssh)
    {
        var logins = inventory.Hosts.Select(h => ($"host {h.Name}", h.Ssh)).Concat(inventory.Vms.Select(v => ($"VM {v.Name}", v.Ssh)));
        foreach (var (owner, endpoint) in logins)
        {
            var key = endpoint.KeyFile ?? ssh.DefaultKeyFile;
            if (key is null) yield return $"{owner} names no ssh.keyFile and Executor:Ssh:DefaultKeyFile is not set";
            else if (!File.Exists(key)) yield return $"{owner}: the SSH key {key} does not exist";
        }
    }
}
