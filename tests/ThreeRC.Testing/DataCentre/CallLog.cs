namespace ThreeRC.Testing.DataCentre;

/// <summary>Follows a log the look-alike scripts append to: each read returns the lines added since the last one.</summary>
internal sealed class CallLog(string path)
{
    private long _offset;
    private string _partial = "";

    public IReadOnlyList<string> ReadNew()
    {
        if (!File.Exists(path)) return [];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        if (stream.Length <= _offset) return [];
        stream.Seek(_offset, SeekOrigin.Begin);
        using var reader = new StreamReader(stream);
        var text = _partial + reader.ReadToEnd();
        _offset = stream.Length;
        var lines = text.Split('\n');
        _partial = lines[^1];
        return lines[..^1];
    }
}
