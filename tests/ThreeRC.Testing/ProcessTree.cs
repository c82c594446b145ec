namespace ThreeRC.Testing;

/// <summary>The processes a process started, read from /proc, so a fixture can stop what its daemon left running.</summary>
public static class ProcessTree
{
    /// <summary>Every live descendant of <paramref name="pid"/>, children before grandchildren.</summary>
    public static IReadOnlyList<int> Descendants(int pid)
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
            if (int.TryParse(Path.GetFileName(dir), out var child) && ParentOf(dir) is { } parent) parents[child] = parent;

        var found = new List<int>();
        var queue = new Queue<int>([pid]);
        while (queue.TryDequeue(out var current))
            foreach (var (child, parent) in parents)
                if (parent == current)
                {
                    found.Add(child);
                    queue.Enqueue(child);
                }

        return found;
    }

    /// <summary>SIGKILL to each of <paramref name="pids"/> that still runs.</summary>
    public static void Kill(IEnumerable<int> pids)
    {
        foreach (var pid in pids)
            try
            {
                System.Diagnostics.Process.GetProcessById(pid).Kill();
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // it ended on its own meanwhile
            }
    }

    private static int? ParentOf(string procDir)
    {
        try
        {
            // /proc/PID/stat: "pid (comm) state ppid ..."; comm may hold spaces, so read after the last ')'.
            var stat = File.ReadAllText(Path.Combine(procDir, "stat"));
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1]);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
