namespace ThreeRC.HypervisorExecutor.Options;

/// <summary>The <c>Executor</c> configuration section.</summary>
public sealed class ExecutorOptions
{
    public const string SectionName = "Executor";

    /// <summary>Log what would run, run nothing, and answer every command with a failed result that says so.</summary>
    public bool DryRun { get; set; }

    /// <summary>How long a guest reboot may take, from connecting to the command's end.</summary>
    public TimeSpan GuestRebootTimeout { get; set; } = TimeSpan.FromSeconds(20);

    public SshOptions Ssh { get; set; } = new();

    public IpmiOptions Ipmi { get; set; } = new();
}
