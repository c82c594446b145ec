namespace ThreeRC.HypervisorExecutor.Options;

/// <summary>The <c>Executor:Ssh</c> section: how the executor logs in to hypervisors and guests.</summary>
public sealed class SshOptions
{
    /// <summary>The private key for every host and VM whose inventory entry names none.</summary>
    public string? DefaultKeyFile { get; set; }

    /// <summary>The OpenSSH known_hosts file that pins every host key; without it every SSH action is refused.</summary>
    public string? KnownHostsFile { get; set; }

    /// <summary>How long one connection attempt (TCP, key exchange, authentication) may take.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long one remote command may run.</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How many commands may run at once on one host.</summary>
    public int MaxConcurrencyPerHost { get; set; } = 4;

    /// <summary>How many times a connection is tried when it fails for a transient reason (refused, unreachable, timed out).</summary>
    public int ConnectAttempts { get; set; } = 3;

    /// <summary>The wait before the second attempt; it doubles for each further one.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often an idle reusable connection is probed, so that a dead one is noticed and replaced.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often the executor logs in to every hypervisor host (and guest, with KeepGuestLogins) to find broken logins
    /// early; 00:00:00 turns it off.
    /// </summary>
    public TimeSpan HostCheckInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Keep a login to every guest open, as to every host: opened at start and when the guest reports again, so its
    /// reboot, the first step of most recoveries, does not wait for a key exchange. Off: a guest is logged in to for
    /// its reboot only.
    /// </summary>
    public bool KeepGuestLogins { get; set; } = true;

    /// <summary>
    /// The key exchange methods offered, most preferred first; empty offers SSH.NET's own list, which puts the
    /// post-quantum hybrids (mlkem768x25519-sha256, sntrup761x25519-sha512) first.
    /// </summary>
    public List<string> KeyExchangeAlgorithms { get; set; } = [];
}
