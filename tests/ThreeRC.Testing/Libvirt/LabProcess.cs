namespace ThreeRC.Testing.Libvirt;

/// <summary>A live process read from /proc; for QEMU, the domain it runs (from <c>-name guest=NAME,…</c>).</summary>
public sealed record LabProcess(int Pid, string Program, string? Domain)
{
    /// <summary>Every process of <paramref name="uid"/> that is not a zombie (this machine's PID 1 may never reap them).</summary>
    public static IReadOnlyList<LabProcess> OwnedBy(int uid)
    {
        var found = new List<LabProcess>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var status = File.ReadAllLines(Path.Combine(dir, "status"));
                if (Field(status, "Uid:").Split('\t')[0] != uid.ToString() || Field(status, "State:").StartsWith('Z')) continue;
                var arguments = File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0');
                found.Add(new LabProcess(pid, arguments[0], DomainOf(arguments)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                // it ended while it was read
            }
        }

        return found;
    }

    private static string Field(string[] status, string name) => status.First(line => line.StartsWith(name, StringComparison.Ordinal))[name.Length..].Trim();

    private static string? DomainOf(string[] arguments)
    {
        var index = Array.IndexOf(arguments, "-name");
        if (!arguments[0].Contains("qemu", StringComparison.Ordinal) || index < 0 || index + 1 >= arguments.Length) return null;
        var guest = arguments[index + 1].Split(',')[0];
        return guest.StartsWith("guest=", StringComparison.Ordinal) ? guest["guest=".Length..] : guest;
    }
}
