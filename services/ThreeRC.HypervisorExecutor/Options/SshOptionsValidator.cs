using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ThreeRC.HypervisorExecutor.Ssh;
using ThreeRC.Inventory.Loading;
using ThreeRC.Inventory.Model;

namespace ThreeRC.HypervisorExecutor.Options;

/// <summary>
/// When the executor speaks real SSH: the known_hosts file must exist and read cleanly, and every host and VM of
/// the inventory must have a key file that exists (its own or the default).
/// </summary>
internal sealed class SshOptionsValidator(IServiceProvider services) : IValidateOptions<ExecutorOptions>
{
    public ValidateOptionsResult Validate(string? name, ExecutorOptions options)
    {
        var errors = new List<string>();
        var ssh = options.Ssh;
        if (string.IsNullOrWhiteSpace(ssh.KnownHostsFile))
            errors.Add("Executor:Ssh:KnownHostsFile: required: the OpenSSH known_hosts file that pins every host key");
        else if (!File.Exists(ssh.KnownHostsFile))
            errors.Add($"Executor:Ssh:KnownHostsFile: {ssh.KnownHostsFile} does not exist");
        else
            errors.AddRange(KnownHostsFile.Load(ssh.KnownHostsFile).Errors.Select(error => $"Executor:Ssh:KnownHostsFile: {error}"));

        if (ssh.DefaultKeyFile is not null && !File.Exists(ssh.DefaultKeyFile))
            errors.Add($"Executor:Ssh:DefaultKeyFile: {ssh.DefaultKeyFile} does not exist");
        if (Inventory() is { } inventory) errors.AddRange(KeyFileErrors(inventory, ssh));
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static IEnumerable<string> KeyFileErrors(ClusterInventory inventory, SshOptions ssh)
    {
        var logins = inventory.Hosts.Select(h => ($"host {h.Name}", h.Ssh)).Concat(inventory.Vms.Select(v => ($"VM {v.Name}", v.Ssh)));
        foreach (var (owner, endpoint) in logins)
        {
            if (endpoint.KeyFile is null && ssh.DefaultKeyFile is null)
                yield return $"Executor:Ssh:DefaultKeyFile: required: {owner} in {inventory.SourceFile} names no ssh.keyFile";
            else if (endpoint.KeyFile is not null && !File.Exists(endpoint.KeyFile))
                yield return $"{inventory.SourceFile}: {owner}: ssh.keyFile {endpoint.KeyFile} does not exist";
        }
    }

    private ClusterInventory? Inventory()
    {
        try
        {
            return services.GetRequiredService<ClusterInventory>();
        }
        catch (InventoryException)
        {
            return null; // the inventory's own validator reports it
        }
    }
}
