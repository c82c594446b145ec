namespace ThreeRC.Inventory.Model;

/// <summary>A host's BMC, for IPMI fencing through ipmitool.</summary>
/// <param name="Address">The BMC's address.</param>
/// <param name="Port">The BMC's RMCP port (623 by default).</param>
/// <param name="Interface">"lan" or "lanplus".</param>
/// <param name="User">The BMC user.</param>
/// <param name="PasswordFile">A file holding the password, or null.</param>
/// <param name="PasswordVariable">An environment variable holding the password, or null.</param>
public sealed record IpmiSettings(string Address, int Port, string Interface, string User, string? PasswordFile, string? PasswordVariable)
{
    /// <summary>
    /// The operator accepts an unprotected BMC session: interface "lan" (no integrity protection) or cipher suite 0
    /// (no authentication). Without it both are refused, since a forged packet could power the host off or on.
    /// </summary>
    public bool Insecure { get; init; }

    /// <summary>The RMCP+ cipher suite for lanplus (ipmitool -C); null leaves Executor:Ipmi:CipherSuite, or ipmitool's default.</summary>
    public int? CipherSuite { get; init; }
}
