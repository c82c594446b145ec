using System.Text;

namespace ThreeRC.PxeProvisioner.Pxelinux;

/// <summary>
/// Replaces a file whole or not at all: the new content goes to a temporary file in the same folder, is flushed
/// to disk, and is renamed over the old file, whose content is kept beside it as &lt;name&gt;.previous. A reader
/// (the TFTP server) sees the old file or the new one, never a half-written one.
/// </summary>
internal class AtomicFileWriter
{
    public const string TempPrefix = ".threerc-";
    public const string TempSuffix = ".tmp";
    public const string PreviousSuffix = ".previous";

    // Readable by the TFTP server, which runs as another user.
    private const UnixFileMode ReadableByAll =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    public async Task WriteAsync(string path, string content, CancellationToken cancellationToken = default)
    {
        var folder = Path.GetDirectoryName(path)!;
        var temp = Path.Combine(folder, $"{TempPrefix}{Path.GetFileName(path)}.{Guid.NewGuid():N}{TempSuffix}");
        try
        {
            await WriteToDiskAsync(temp, content, cancellationToken);
            BeforeRename(temp, path);
            if (File.Exists(path)) File.Copy(path, path + PreviousSuffix, overwrite: true);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>A temporary file younger than this may be a write under way: another provisioner on the same TFTP root.</summary>
    public static readonly TimeSpan LeftoverAge = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Deletes the temporary files a crash between writing and renaming left in <paramref name="folder"/>: those last
    /// written more than <see cref="LeftoverAge"/> before <paramref name="now"/>. A younger one is left alone, since a
    /// standby provisioner starting beside the active one (or two starting at once) may be writing it.
    /// </summary>
    public static IReadOnlyList<string> RemoveLeftovers(string folder, DateTime now)
    {
        var leftovers = Directory.GetFiles(folder, $"{TempPrefix}*{TempSuffix}")
            .Where(file => now - File.GetLastWriteTimeUtc(file) > LeftoverAge)
            .ToList();
        foreach (var file in leftovers) File.Delete(file);
        return leftovers;
    }

    /// <summary>The step between writing and renaming; tests fail here to play a crash.</summary>
    protected virtual void BeforeRename(string temp, string target)
    {
    }

    private static async Task WriteToDiskAsync(string temp, string content, CancellationToken cancellationToken)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = ReadableByAll;
        await using var stream = new FileStream(temp, options);
        await stream.WriteAsync(Encoding.UTF8.GetBytes(content), cancellationToken);
        stream.Flush(flushToDisk: true);
    }
}
