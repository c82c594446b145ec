using System.Security.Cryptography;
using System.Text;

namespace ThreeRC.Orchestrator.StateMachines;

/// <summary>
/// The recovery saga's correlation id: a name-based (version 5) UUID of the VM name, so that every monitor,
/// every replica of the orchestrator and every restart agrees on it.
/// </summary>
public static class VmIds
{
    private static readonly byte[] Namespace = Guid.Parse("3c5a1b7e-9f0d-4e8a-b2c6-7d4e1f2a9b30").ToByteArray(bigEndian: true);

    public static Guid For(string vmName)
    {
        var hash = SHA1.HashData([.. Namespace, .. Encoding.UTF8.GetBytes(vmName)]);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
