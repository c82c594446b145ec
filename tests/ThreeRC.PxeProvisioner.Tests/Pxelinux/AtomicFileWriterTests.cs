using ThreeRC.PxeProvisioner.Pxelinux;
using ThreeRC.PxeProvisioner.Tests.Support;
using ThreeRC.Testing;

namespace ThreeRC.PxeProvisioner.Tests.Pxelinux;

public sealed class AtomicFileWriterTests : IDisposable
{
    private readonly TempDirectory _folder = new("atomic");

    [Fact]
    public async Task A_crash_between_writing_and_renaming_leaves_the_old_file_intact()
    {
        var file = _folder.Write("01-52-54-00-00-01-01", "old entry\n");
        var writer = new CrashingWriter();
        writer.Arm();

        await Assert.ThrowsAsync<IOException>(() => writer.WriteAsync(file, "new entry\n"));

        Assert.Equal([("old entry\n", "new entry\n")], writer.SeenAtCrash);
        Assert.Equal("old entry\n", await File.ReadAllTextAsync(file));
        Assert.Equal(["01-52-54-00-00-01-01"], Directory.GetFiles(_folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_write_replaces_the_file_whole_and_keeps_the_previous_content_beside_it()
    {
        var file = _folder.Write("01-52-54-00-00-01-01", "old entry\n");

        await new AtomicFileWriter().WriteAsync(file, "new entry\n");

        Assert.Equal("new entry\n", await File.ReadAllTextAsync(file));
        Assert.Equal("old entry\n", await File.ReadAllTextAsync(file + AtomicFileWriter.PreviousSuffix));
        Assert.Equal(2, Directory.GetFiles(_folder.Path).Length);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_new_file_is_readable_by_the_TFTP_server_running_as_another_user()
    {
        var file = _folder.Combine("01-52-54-00-00-01-01");

        await new AtomicFileWriter().WriteAsync(file, "entry\n");

        Assert.True(File.GetUnixFileMode(file).HasFlag(UnixFileMode.OtherRead));
        Assert.False(File.Exists(file + AtomicFileWriter.PreviousSuffix));
    }

    [Fact]
    public void Temporary_files_a_crash_left_are_removed_and_nothing_else_not_even_a_write_under_way()
    {
        var now = DateTime.UtcNow;
        var leftover = _folder.Write(".threerc-01-52-54-00-00-01-01.0123456789abcdef.tmp", "half an entry");
        File.SetLastWriteTimeUtc(leftover, now - AtomicFileWriter.LeftoverAge - TimeSpan.FromSeconds(1));
        var underWay = _folder.Write(".threerc-01-52-54-00-00-01-02.fedcba9876543210.tmp", "another provisioner's entry");
        var entry = _folder.Write("01-52-54-00-00-01-01", "entry\n");

        var removed = AtomicFileWriter.RemoveLeftovers(_folder.Path, now);

        Assert.Equal([leftover], removed);
        Assert.Equal(new[] { entry, underWay }.Order(), Directory.GetFiles(_folder.Path).Order());
    }

    public void Dispose() => _folder.Dispose();
}
