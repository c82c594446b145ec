using ThreeRC.PxeProvisioner.Pxelinux;

namespace ThreeRC.PxeProvisioner.Tests.Support;

/// <summary>A writer that, once armed, fails between writing the temporary file and renaming it, as a crash would.</summary>
internal sealed class CrashingWriter : AtomicFileWriter
{
    private int _crashesLeft;

    /// <summary>What was on disk at the moment of each crash: the target's content and the temporary file's.</summary>
    public List<(string? Target, string Temp)> SeenAtCrash { get; } = [];

    public void Arm(int crashes = int.MaxValue) => _crashesLeft = crashes;

    protected override void BeforeRename(string temp, string target)
    {
        if (_crashesLeft <= 0) return;
        _crashesLeft--;
        SeenAtCrash.Add((File.Exists(target) ? File.ReadAllText(target) : null, File.ReadAllText(temp)));
        throw new IOException("crash between writing and renaming");
    }
}
