namespace ThreeRC.HypervisorExecutor.Options;

/// <summary>The <c>Executor:Ipmi</c> section: how IPMI fencing runs ipmitool.</summary>
public sealed class IpmiOptions
{
    /// <summary>The ipmitool program.</summary>
    public string ToolPath { get; set; } = "ipmitool";

    /// <summary>
    /// The RMCP+ cipher suite for lanplus (ipmitool -C) of every BMC whose inventory entry names none; unset leaves
    /// ipmitool's default (17). Never 0: a BMC that needs it says so in the inventory (cipherSuite: 0, insecure: true).
    /// </summary>
    public int? CipherSuite { get; set; }

    /// <summary>How long one ipmitool call may take.</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long the BMC has, after power off, to report the chassis off.</summary>
    public TimeSpan PowerOffTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often the power status is asked while waiting.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often every BMC is asked its power status, so that a BMC that stopped answering is known before a fence needs it; 00:00:00 turns it off.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(5);
}
