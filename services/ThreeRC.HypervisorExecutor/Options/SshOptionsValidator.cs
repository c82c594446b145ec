using Microsoft.Extensions.Options;
using ThreeRC.HypervisorExecutor.Ssh;

namespace ThreeRC.HypervisorExecutor.Options;

/// <summary>
/// When the executor speaks real SSH, the files the section names must exist, and the known_hosts file must read
/// cleanly. Files it does not name are reported by <see cref="SshReadinessReport"/>: the all-in-one node must start
/// with the sample inventory, and without a known_hosts file every connection is refused anyway.
/// </summary>
internal sealed class SshOptionsValidator : IValidateOptions<ExecutorOptions>
{
    public ValidateOptionsResult Validate(string? name, ExecutorOptions options)
    {
        var errors = new List<string>();
        var ssh = options.Ssh;
        if (ssh.KnownHostsFile is { } knownHosts)
        {
            if (!File.Exists(knownHosts)) errors.Add($"Executor:Ssh:KnownHostsFile: {knownHosts} does not exist");
            else errors.AddRange(KnownHostsFile.Load(knownHosts).Errors.Select(error => $"Executor:Ssh:KnownHostsFile: {error}"));
        }

        if (ssh.DefaultKeyFile is { } key && !File.Exists(key)) errors.Add($"Executor:Ssh:DefaultKeyFile: {key} does not exist");
        foreach (var unknown in ssh.KeyExchangeAlgorithms.Except(KeyExchanges.Offered))
            errors.Add($"Executor:Ssh:KeyExchangeAlgorithms: {unknown} is not a key exchange method SSH.NET offers ({string.Join(", ", KeyExchanges.Offered)})");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
