namespace ThreeRC.Testing.Libvirt;

/// <summary>
/// A Unix user of this machine that plays one physical host of the lab (made by infra/scripts/libvirt-lab.sh): its
/// processes are the host's, and its qemu:///session libvirtd, in its own XDG_RUNTIME_DIR, is the host's hypervisor.
/// </summary>
public sealed record LabUser(string Name)
{
    public string Home => $"/var/lib/threerc-lab/{Name}";

    public string RuntimeDirectory => $"/run/threerc-lab/{Name}";

    /// <summary>setpriv's arguments that run <paramref name="program"/> as this user, with its home and runtime folder; setpriv execs, so the process is the program.</summary>
    public string[] Run(string program, params string[] arguments) =>
        ["--reuid", Name, "--regid", Name, "--init-groups", "--", "env", $"HOME={Home}", $"XDG_RUNTIME_DIR={RuntimeDirectory}", program, .. arguments];

    /// <summary>Runs virsh as this user, on its session libvirtd (started on demand, as the executor's logins do).</summary>
    public Task<CommandResult> VirshAsync(params string[] arguments) =>
        Command.RunAsync("setpriv", Run("virsh", arguments), TimeSpan.FromSeconds(60));

    /// <summary>The running domains' names from virsh, without starting a session libvirtd that is not there (LIBVIRT_AUTOSTART=0).</summary>
    public async Task<IReadOnlyList<string>> RunningDomainsAsync()
    {
        var result = await Command.RunAsync("setpriv", Run("env", "LIBVIRT_AUTOSTART=0", "virsh", "list", "--state-running", "--name"), TimeSpan.FromSeconds(20));
        return result.ExitCode == 0 ? result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
    }

    /// <summary>The user's live processes (zombies aside): while there is one, the host has power.</summary>
    public IReadOnlyList<LabProcess> Processes() => LabProcess.OwnedBy(Uid);

    /// <summary>Power loss: every process of the user ends at once (SIGKILL), as the host's BMC does on power off.</summary>
    public async Task KillEverythingAsync()
    {
        var result = await Command.RunAsync("pkill", ["-KILL", "-u", Name], TimeSpan.FromSeconds(10));
        if (result.ExitCode is not (0 or 1)) throw new InvalidOperationException($"pkill -u {Name} failed: {result}");
        await Eventually.Until(() => Processes().Count == 0, TimeSpan.FromSeconds(20), $"every process of {Name} ended");
    }

    private int Uid => _uid ??= int.Parse(File.ReadAllLines("/etc/passwd").Select(line => line.Split(':')).Single(fields => fields[0] == Name)[2]);

    private int? _uid;
}
