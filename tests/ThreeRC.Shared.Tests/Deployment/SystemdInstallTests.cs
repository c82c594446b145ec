using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using ThreeRC.Testing;

namespace ThreeRC.Shared.Tests.Deployment;

/// <summary>
/// infra/scripts/install.sh into a root of its own (DESTDIR), for Placement: what it installs, systemd's own check of
/// the unit, and the unit's command run as systemd runs it (its environment files, its state folder, a notify socket
/// and a parent named systemd): the service reads its credentials, says READY=1 once started, and STOPPING=1 when told
/// to stop.
/// </summary>
public sealed class SystemdInstallTests(InstalledPlacement installed) : IClassFixture<InstalledPlacement>
{
    private const string Service = InstalledPlacement.Service;

    private readonly TempDirectory _root = installed.Root;

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void It_installs_the_published_service_its_settings_and_the_unit()
    {
        Assert.True(File.Exists(_root.Combine("opt", "threerc", Service, "ThreeRC.Placement")), "the self-contained binary");
        Assert.True(File.Exists(_root.Combine("opt", "threerc", "bin", $"threerc-{Service}")), "the unit's ExecStart");
        Assert.Equal(File.ReadAllText(RepositoryRoot.Combine("infra", "systemd", "env", $"{Service}.env")), File.ReadAllText(_root.Combine("etc", "threerc", $"{Service}.env")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(_root.Combine("etc", "threerc", "threerc.env")));
        Assert.True(File.Exists(_root.Combine("etc", "systemd", "system", "threerc@pxe-provisioner.service.d", "tftp-root.conf")));
    }

    [Fact]
    public async Task Systemd_finds_nothing_wrong_with_the_unit()
    {
        Directory.CreateDirectory(_root.Combine("usr", "lib", "systemd"));
        var targets = await Command.RunAsync("cp", ["-r", "/lib/systemd/system", _root.Combine("usr", "lib", "systemd")], TimeSpan.FromMinutes(1));
        Assert.Equal(0, targets.ExitCode);

        var verify = await Command.RunAsync("systemd-analyze", ["verify", $"--root={_root.Path}", $"threerc@{Service}.service"], TimeSpan.FromMinutes(1));

        Assert.True(verify.ExitCode == 0 && verify.Output.Trim().Length == 0 && verify.Error.Trim().Length == 0, verify.ToString());
    }

    [Fact]
    public async Task The_units_command_notifies_systemd_when_ready_and_when_stopping()
    {
        var unit = File.ReadAllText(_root.Combine("etc", "systemd", "system", "threerc@.service")).Replace("%i", Service);
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        var state = Directory.CreateDirectory(Rooted(Setting(unit, "WorkingDirectory"))).FullName;
        var environment = Settings(unit, "Environment").Concat(Settings(unit, "EnvironmentFile").SelectMany(file => File.ReadAllLines(Rooted(file))))
            .Where(line => line.Contains('=') && !line.StartsWith('#'))
            .Select(line => line.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => (string?)pair[1].Replace("/var/lib/threerc", _root.Combine("var", "lib", "threerc")));

        // What a site fills in: here an inventory of its own, the in-memory bus, and a free port given as a credential
        // (LoadCredential= puts it in $CREDENTIALS_DIRECTORY, named as its key), as a password would be.
        environment["Inventory__Path"] = _root.Write("inventory.yaml", GeneratedInventory.Yaml(["h1"], [new GeneratedVm("vm1", "h1")]));
        environment["Bus__Transport"] = "InMemory";
        environment["CREDENTIALS_DIRECTORY"] = Path.GetDirectoryName(_root.Write(Path.Combine("credentials", "Urls"), url + "\n"));
        using var notify = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        notify.Bind(new UnixDomainSocketEndPoint(_root.Combine("notify.sock")));
        environment["NOTIFY_SOCKET"] = _root.Combine("notify.sock");

        await using var service = SystemdStandIn(Rooted(Setting(unit, "ExecStart")), environment, state);
        var ready = await ReceiveAsync(notify, TimeSpan.FromMinutes(2));
        await service.WaitForHealthAsync($"{url}/health");
        await service.StopAsync(TimeSpan.FromSeconds(30));
        var stopping = await ReceiveAsync(notify, TimeSpan.FromSeconds(30));

        Assert.Equal("READY=1", ready);
        Assert.Equal("STOPPING=1", stopping);
        Assert.Equal(0, service.ExitCode);
        Assert.True(File.Exists(Path.Combine(state, "placement.db")), "the store in the unit's state folder");
    }

    /// <summary>
    /// A parent named systemd that passes SIGTERM on, as systemd does: .NET's systemd integration reports to
    /// NOTIFY_SOCKET only when its parent is systemd.
    /// </summary>
    private ServiceProcess SystemdStandIn(string command, IReadOnlyDictionary<string, string?> environment, string workingDirectory)
    {
        var systemd = _root.Combine("systemd");
        File.Copy("/bin/bash", systemd, overwrite: true);
        return ServiceProcess.Start(systemd,
            ["-c", """trap 'kill -TERM "$child"' TERM; "$@" & child=$!; wait "$child"; trap - TERM; wait "$child" """, "systemd", command],
            environment, workingDirectory);
    }

    private static async Task<string> ReceiveAsync(Socket socket, TimeSpan timeout)
    {
        var buffer = new byte[1024];
        using var cancel = new CancellationTokenSource(timeout);
        var received = await socket.ReceiveAsync(buffer, SocketFlags.None, cancel.Token);
        return Encoding.UTF8.GetString(buffer, 0, received).Trim();
    }

    private string Rooted(string path) => _root.Path + path;

    private static string Setting(string unit, string name) => Settings(unit, name).Single();

    private static IEnumerable<string> Settings(string unit, string name) =>
        Regex.Matches(unit, $"^{name}=-?(.+)$", RegexOptions.Multiline).Select(match => match.Groups[1].Value.Trim());
}

/// <summary>Placement installed once by infra/scripts/install.sh into a root of its own, for the tests to look at and run.</summary>
public sealed class InstalledPlacement : IAsyncLifetime
{
    public const string Service = "placement";

    public TempDirectory Root { get; } = new("install-root");

    public async Task InitializeAsync()
    {
        var install = await Command.RunAsync("bash", [RepositoryRoot.Combine("infra", "scripts", "install.sh"), "--services", Service],
            TimeSpan.FromMinutes(5), environment: new Dictionary<string, string?> { ["DESTDIR"] = Root.Path });
        Assert.True(install.ExitCode == 0, install.ToString());
    }

    public Task DisposeAsync()
    {
        Root.Dispose();
        return Task.CompletedTask;
    }
}
