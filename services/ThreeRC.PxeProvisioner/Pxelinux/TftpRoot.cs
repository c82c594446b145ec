using Microsoft.Extensions.Options;
using ThreeRC.Persistence;
using ThreeRC.PxeProvisioner.Options;

namespace ThreeRC.PxeProvisioner.Pxelinux;

/// <summary>The folder the TFTP server serves, and the pxelinux entries the provisioner keeps in it.</summary>
internal sealed class TftpRoot(IOptions<PxeOptions> pxe, IOptions<StorageOptions> storage, AtomicFileWriter writer)
{
    public string Path { get; } = System.IO.Path.GetFullPath(
        pxe.Value.TftpRoot is { Length: > 0 } root ? root : System.IO.Path.Combine(storage.Value.DataDirectory, "tftp"));

    public string ConfigFolder => System.IO.Path.Combine(Path, PxeConfigFile.Folder);

    /// <param name="relativePath">A path made by <see cref="PxeConfigFile"/>.</param>
    public Task WriteAsync(string relativePath, string content, CancellationToken cancellationToken) =>
        writer.WriteAsync(FullPath(relativePath), content, cancellationToken);

    public async Task<string?> ReadAsync(string relativePath, CancellationToken cancellationToken)
    {
        var file = FullPath(relativePath);
        return File.Exists(file) ? await File.ReadAllTextAsync(file, cancellationToken) : null;
    }

    public bool Exists(string relativePath) => File.Exists(FullPath(relativePath));

    public void Delete(string relativePath) => File.Delete(FullPath(relativePath));

    private string FullPath(string relativePath) => System.IO.Path.Combine(Path, relativePath);
}
