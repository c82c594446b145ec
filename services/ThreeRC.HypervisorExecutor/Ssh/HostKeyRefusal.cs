namespace ThreeRC.HypervisorExecutor.Ssh;

/// <summary>The words an operator needs when a host key is refused.</summary>
internal static class HostKeyRefusal
{
    public static string Describe(HostKeyVerdict verdict, SshTarget target, string offered, string knownHosts) => verdict switch
    {
        HostKeyVerdict.Unknown =>
            $"{target}: host key {offered} is unknown: {knownHosts} pins no key for {target.KnownHostsName}; check the key on the host, then add it",
        HostKeyVerdict.Changed =>
            $"{target}: host key {offered} has CHANGED: it is not the key {knownHosts} pins for {target.KnownHostsName}; refusing to connect",
        HostKeyVerdict.Revoked => $"{target}: host key {offered} is marked @revoked in {knownHosts}; refusing to connect",
        _ => $"{target}: host key {offered} refused",
    };

    /// <summary>The key type a host key algorithm signs with (the RSA SHA-2 algorithms use ssh-rsa keys).</summary>
    public static string KeyTypeOf(string algorithm) => algorithm is "rsa-sha2-256" or "rsa-sha2-512" ? "ssh-rsa" : algorithm;
}
