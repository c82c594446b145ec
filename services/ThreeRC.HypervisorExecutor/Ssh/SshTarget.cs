namespace ThreeRC.HypervisorExecutor.Ssh;

/// <summary>A login on a machine: who, where, and with which private key (none when a simulated runner answers).</summary>
public sealed record SshTarget(string User, string Address, int Port, string? KeyFile)
{
    /// <summary>The name known_hosts files use for this address and port.</summary>
    public string KnownHostsName => Port == 22 ? Address : $"[{Address}]:{Port}";

    /// <summary>Machines answer on their address and port, whoever logs in: concurrency is bounded per host.</summary>
    public string Host => $"{Address}:{Port}";

    public override string ToString() => Port == 22 ? $"{User}@{Address}" : $"{User}@{Address}:{Port}";
}
