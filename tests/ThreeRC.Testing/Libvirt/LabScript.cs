namespace ThreeRC.Testing.Libvirt;

/// <summary>infra/scripts/libvirt-lab.sh: installs what is missing, builds the guest image once, makes and resets the host users.</summary>
public static class LabScript
{
    public static string Path => RepositoryRoot.Combine("infra", "scripts", "libvirt-lab.sh");

    /// <summary>The cached guest kernel and initramfs the script builds.</summary>
    public static string Kernel => "/var/cache/threerc-lab/vmlinuz";

    public static string Initrd => "/var/cache/threerc-lab/initrd.img";

    public static Task UpAsync(IEnumerable<LabUser> users) => RunAsync("up", users, TimeSpan.FromMinutes(15));

    public static Task ResetAsync(IEnumerable<LabUser> users) => RunAsync("reset", users, TimeSpan.FromMinutes(1));

    private static async Task RunAsync(string command, IEnumerable<LabUser> users, TimeSpan timeout)
    {
        var result = await Command.RunAsync("bash", [Path, command, .. users.Select(user => user.Name)], timeout);
        if (result.ExitCode != 0) throw new InvalidOperationException($"libvirt-lab.sh {command} failed: {result}");
    }
}
