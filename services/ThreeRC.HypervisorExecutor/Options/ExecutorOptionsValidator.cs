using Microsoft.Extensions.Options;

namespace ThreeRC.HypervisorExecutor.Options;

/// <summary>Checks the timeouts and limits of the <c>Executor</c> section when the host starts.</summary>
internal sealed class ExecutorOptionsValidator : IValidateOptions<ExecutorOptions>
{
    public ValidateOptionsResult Validate(string? name, ExecutorOptions options)
    {
        var errors = new List<string>();
        Positive(errors, "Executor:GuestRebootTimeout", options.GuestRebootTimeout);
        Positive(errors, "Executor:StartConfirmTimeout", options.StartConfirmTimeout);
        Positive(errors, "Executor:CommandRetention", options.CommandRetention);
        Positive(errors, "Executor:CommandPruneInterval", options.CommandPruneInterval);
        Positive(errors, "Executor:Ssh:ConnectTimeout", options.Ssh.ConnectTimeout);
        Positive(errors, "Executor:Ssh:CommandTimeout", options.Ssh.CommandTimeout);
        Positive(errors, "Executor:Ssh:KeepAliveInterval", options.Ssh.KeepAliveInterval);
        Positive(errors, "Executor:Ipmi:CommandTimeout", options.Ipmi.CommandTimeout);
        Positive(errors, "Executor:Ipmi:PowerOffTimeout", options.Ipmi.PowerOffTimeout);
        Positive(errors, "Executor:Ipmi:PollInterval", options.Ipmi.PollInterval);
        if (options.Ipmi.CheckInterval < TimeSpan.Zero) errors.Add("Executor:Ipmi:CheckInterval: must not be negative (00:00:00 turns the check off)");
        if (options.Ssh.RetryDelay < TimeSpan.Zero) errors.Add("Executor:Ssh:RetryDelay: must not be negative");
        if (options.Ssh.HostCheckInterval < TimeSpan.Zero) errors.Add("Executor:Ssh:HostCheckInterval: must not be negative (00:00:00 turns the check off)");
        if (options.Ssh.MaxConcurrencyPerHost is < 1 or > 64) errors.Add("Executor:Ssh:MaxConcurrencyPerHost: must be between 1 and 64");
        if (options.Ssh.ConnectAttempts is < 1 or > 10) errors.Add("Executor:Ssh:ConnectAttempts: must be between 1 and 10");
        if (options.Ipmi.CipherSuite is < 0 or > 17) errors.Add("Executor:Ipmi:CipherSuite: must be an IPMI cipher suite id, 0 to 17");
        if (options.Ipmi.CipherSuite == 0)
            errors.Add("Executor:Ipmi:CipherSuite: 0 authenticates nothing and is refused here; give cipherSuite: 0 and insecure: true to the BMCs that need it in the inventory");
        if (string.IsNullOrWhiteSpace(options.Ipmi.ToolPath)) errors.Add("Executor:Ipmi:ToolPath: required");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Positive(List<string> errors, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero) errors.Add($"{key}: must be a positive duration such as 00:00:10 (was {value})");
    }
}
