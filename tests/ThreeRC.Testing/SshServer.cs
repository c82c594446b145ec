using System.Security.Cryptography;
using System.Text;

namespace ThreeRC.Testing;

/// <summary>
/// Debian's sshd on 127.0.0.1 and a free port, with a generated ed25519 host key, its own sshd_config and one
/// authorized key; <c>SetEnv</c> gives its sessions the environment the test chooses. Run as a Unix user of its own
/// (<c>runAs</c>), it accepts that user only, and ends with that user's processes. Its sessions and the daemon are
/// always stopped.
/// </summary>
public sealed class SshServer : IAsyncDisposable
{
    private readonly string _directory;
    private ServiceProcess _daemon;
    private bool _stopped;

    private SshServer(string directory, string[] command, int port, SshKeyPair hostKey, string user)
    {
        _directory = directory;
        _daemon = StartDaemon(command, directory);
        CommandLine = command;
        Port = port;
        HostKey = hostKey;
        User = user;
    }

    /// <summary>The program and arguments that ran the daemon (in the foreground, logging to stderr): what starts it again the same way.</summary>
    public IReadOnlyList<string> CommandLine { get; }

    public int Port { get; }

    public string Address => "127.0.0.1";

    /// <summary>The login user: whoever runs the tests (root in CI), or the user it runs as.</summary>
    public string User { get; }

    public SshKeyPair HostKey { get; }

    /// <summary>What sshd logged (LogLevel VERBOSE).</summary>
    public string Log => _daemon.Output;

    /// <summary>How many TCP connections sshd accepted.</summary>
    public int Connections => Log.Split('\n').Count(line => line.StartsWith("Connection from ", StringComparison.Ordinal));

    /// <summary>How many commands sshd started (one per exec channel: a round trip of several commands is one).</summary>
    public int Sessions => Log.Split('\n').Count(line => line.StartsWith("Starting session: command ", StringComparison.Ordinal));

    /// <summary>The known_hosts line that pins this server's key.</summary>
    public string KnownHostsLine => $"[{Address}]:{Port} {HostKey.PublicKey}";

    /// <summary>The same line with the host name hashed, as <c>ssh-keygen -H</c> writes it.</summary>
    public string HashedKnownHostsLine
    {
        get
        {
            var salt = RandomNumberGenerator.GetBytes(20);
            var hash = HMACSHA1.HashData(salt, Encoding.ASCII.GetBytes($"[{Address}]:{Port}"));
            return $"|1|{Convert.ToBase64String(salt)}|{Convert.ToBase64String(hash)} {HostKey.PublicKey}";
        }
    }

    /// <param name="runAs">A Unix user to run sshd as (via setpriv, from root), instead of whoever runs the tests.</param>
    public static async Task<SshServer> StartAsync(
        string directory, SshKeyPair authorizedKey, IReadOnlyDictionary<string, string> sessionEnvironment, string? runAs = null)
    {
        Directory.CreateDirectory("/run/sshd"); // sshd's privilege separation folder
        var hostKey = await SshKeyPair.CreateAsync(directory, "ssh_host_ed25519_key");
        var authorizedKeys = Path.Combine(directory, "authorized_keys");
        await File.WriteAllTextAsync(authorizedKeys, authorizedKey.PublicKey + "\n");
        var port = FreePort.Next();
        var config = Path.Combine(directory, "sshd_config");
        await File.WriteAllTextAsync(config, $"""
            ListenAddress 127.0.0.1:{port}
            HostKey {hostKey.PrivateKeyFile}
            PidFile none
            AuthorizedKeysFile {authorizedKeys}
            StrictModes no
            UsePAM no
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            PubkeyAuthentication yes
            PermitRootLogin prohibit-password
            LogLevel VERBOSE
            SetEnv {string.Join(' ', sessionEnvironment.Select(pair => $"{pair.Key}={pair.Value}"))}

            """);

        string[] sshd = ["/usr/sbin/sshd", "-D", "-e", "-f", config];
        if (runAs is not null) await GiveAsync(directory, runAs);
        string[] command = runAs is null ? sshd : ["setpriv", "--reuid", runAs, "--regid", runAs, "--init-groups", "--", .. sshd];
        var server = new SshServer(directory, command, port, hostKey, runAs ?? Environment.UserName);
        try
        {
            await server.ListeningAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the stopped daemon again, on the same port with the same host key, as a host that boots.</summary>
    public async Task StartAgainAsync()
    {
        if (!_stopped) throw new InvalidOperationException($"sshd on port {Port} still runs");
        _daemon = StartDaemon([.. CommandLine], _directory);
        _stopped = false;
        await ListeningAsync();
    }

    private static ServiceProcess StartDaemon(string[] command, string directory) =>
        ServiceProcess.Start(command[0], command[1..], workingDirectory: directory);

    private async Task ListeningAsync()
    {
        var daemon = _daemon;
        await Eventually.Until(() => daemon.HasExited || daemon.Output.Contains("Server listening", StringComparison.Ordinal),
            TimeSpan.FromSeconds(20), "sshd listening");
        if (daemon.HasExited) throw new InvalidOperationException($"sshd exited: {daemon.Output}");
    }

    private static async Task GiveAsync(string directory, string user)
    {
        var result = await Command.RunAsync("chown", ["-R", user + ":", directory], TimeSpan.FromSeconds(10));
        if (result.ExitCode != 0) throw new InvalidOperationException($"chown of sshd's folder to {user} failed: {result}");
    }

    /// <summary>Kills every open session, as a host that restarts its sshd or reboots does; the daemon keeps listening.</summary>
    public void DropSessions() => ProcessTree.Kill(ProcessTree.Descendants(_daemon.Id));

    /// <summary>Stops the daemon and its sessions, as a host that dies; calling it again does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stopped) return;
        _stopped = true;
        if (!_daemon.HasExited) DropSessions();
        await _daemon.DisposeAsync();
    }
}
