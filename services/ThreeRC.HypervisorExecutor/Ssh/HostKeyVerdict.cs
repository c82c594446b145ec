namespace ThreeRC.HypervisorExecutor.Ssh;

/// <summary>What a known_hosts file says about the key a host offered.</summary>
public enum HostKeyVerdict
{
    /// <summary>The key is pinned for this host.</summary>
    Trusted,

    /// <summary>No key is pinned for this host.</summary>
    Unknown,

    /// <summary>Keys are pinned for this host, and this is not one of them.</summary>
    Changed,

    /// <summary>The key is marked @revoked.</summary>
    Revoked,
}
