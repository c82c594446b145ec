namespace ThreeRC.HypervisorExecutor.Options;

/// <summary>The <c>Executor</c> configuration section.</summary>
public sealed class ExecutorOptions
{
    public const string SectionName = "Executor";

    /// <summary>Log what would run, run nothing, and answer every command with a failed result that says so.</summary>
    public bool DryRun { get; set; }

    /// <summary>How long a guest reboot may take, from connecting to the command's end.</summary>
    public TimeSpan GuestRebootTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How long a restart waits, after its start command, for the hypervisor to report the VM running: it asks again
    /// every quarter of a second, so a start that takes effect at once is confirmed at once.
    /// </summary>
    public TimeSpan StartConfirmTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a command's record (executor.db) is kept after its not-after time: a repeat within it is answered from
    /// the record; a later one is refused as expired. Either way nothing runs twice.
    /// </summary>
    public TimeSpan CommandRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often records past CommandRetention are deleted.</summary>
    public TimeSpan CommandPruneInterval { get; set; } = TimeSpan.FromHours(1);

    public SshOptions Ssh { get; set; } = new();

    public IpmiOptions Ipmi { get; set; } = new();
}
