namespace ThreeRC.HypervisorExecutor.Ssh;

/// <summary>
/// An OpenSSH known_hosts file: the host keys ThreeRC trusts. Plain and hashed host names, <c>[host]:port</c>
/// names, wildcards, negations and <c>@revoked</c> are understood; <c>@cert-authority</c> lines are not trusted.
/// </summary>
public sealed class KnownHostsFile
{
    private readonly List<KnownHostEntry> _entries;

    private KnownHostsFile(string path, List<KnownHostEntry> entries, List<string> errors)
    {
        Path = path;
        _entries = entries;
        Errors = errors;
    }

    public string Path { get; }

    /// <summary>Lines that could not be read, as FILE:LINE: what is wrong; such lines trust nothing.</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <exception cref="IOException">The file cannot be read.</exception>
    public static KnownHostsFile Load(string path) => Parse(File.ReadAllLines(path), path);

    public static KnownHostsFile Parse(IReadOnlyList<string> lines, string path)
    {
        var entries = new List<KnownHostEntry>();
        var errors = new List<string>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith("@cert-authority", StringComparison.Ordinal)) continue;
            try
            {
                entries.Add(ParseLine(line, i + 1));
            }
            catch (FormatException e)
            {
                errors.Add($"{path}:{i + 1}: {e.Message}");
            }
        }

        return new KnownHostsFile(path, entries, errors);
    }

    /// <summary>The key types pinned for a host name, so that only those are negotiated.</summary>
    public IReadOnlySet<string> KeyTypesFor(string hostName) =>
        _entries.Where(e => !e.Revoked && e.Hosts.Matches(hostName)).Select(e => e.KeyType).ToHashSet(StringComparer.Ordinal);

    public HostKeyVerdict Check(string hostName, byte[] offeredKey)
    {
        if (_entries.Any(e => e.Revoked && e.Key.AsSpan().SequenceEqual(offeredKey))) return HostKeyVerdict.Revoked;
        var pinned = _entries.Where(e => !e.Revoked && e.Hosts.Matches(hostName)).ToList();
        if (pinned.Count == 0) return HostKeyVerdict.Unknown;
        return pinned.Any(e => e.Key.AsSpan().SequenceEqual(offeredKey)) ? HostKeyVerdict.Trusted : HostKeyVerdict.Changed;
    }

    private static KnownHostEntry ParseLine(string line, int number)
    {
        var fields = line.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var revoked = fields[0] == "@revoked";
        if (fields[0].StartsWith('@') && !revoked) throw new FormatException($"unknown marker {fields[0]}");
        var rest = revoked ? fields[1..] : fields;
        if (rest.Length < 3) throw new FormatException("expected: hosts key-type base64-key [comment]");
        try
        {
            return new KnownHostEntry(number, revoked, HostPattern.Parse(rest[0]), rest[1], Convert.FromBase64String(rest[2]));
        }
        catch (FormatException e)
        {
            throw new FormatException($"not a known_hosts entry: {e.Message}", e);
        }
    }
}
