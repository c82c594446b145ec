using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace ThreeRC.PxeProvisioner.Tokens;

/// <summary>
/// A one-time install token: 256 random bits in base64url, safe in a kernel command line and a URL. Only its
/// SHA-256 is stored, so the database alone cannot complete an install.
/// </summary>
internal static class InstallToken
{
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static bool Matches(string token, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(token)), Encoding.ASCII.GetBytes(storedHash));
}
