using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using ThreeRC.Api.Options;

namespace ThreeRC.Api.Authentication;

/// <summary>The API key operator commands present, read once from Api:ApiKey or the file Api:ApiKeyFile.</summary>
public sealed class OperatorKey(IOptions<ApiOptions> options)
{
    public const int MinimumLength = 16;

    /// <summary>Where a request presents the key: the gRPC metadata or HTTP header of this name.</summary>
    public const string Header = "x-api-key";

    private readonly Lazy<byte[]?> _hash = new(() => Read(options.Value).Hash);

    public bool IsConfigured => _hash.Value is not null;

    /// <summary>Whether a request may go on: an operator command always needs the key, a read only with Api:RequireKeyForReads.</summary>
    public KeyCheck Check(bool isCommand, string? presented) =>
        !isCommand && !options.Value.RequireKeyForReads ? KeyCheck.Allowed
        : !IsConfigured ? KeyCheck.NoKeyConfigured
        : string.IsNullOrEmpty(presented) ? KeyCheck.Missing
        : Matches(presented) ? KeyCheck.Allowed
        : KeyCheck.Invalid;

    /// <summary>Compares in constant time: both sides are hashed to the same length first.</summary>
    public bool Matches(string presented) =>
        _hash.Value is { } expected && CryptographicOperations.FixedTimeEquals(expected, Hash(presented));

    /// <summary>The key's hash, or null when none is configured; or what is wrong with the configuration.</summary>
    internal static (byte[]? Hash, string? Problem) Read(ApiOptions options)
    {
        var fromValue = !string.IsNullOrEmpty(options.ApiKey);
        var fromFile = !string.IsNullOrEmpty(options.ApiKeyFile);
        if (fromValue && fromFile) return (null, "Api:ApiKey and Api:ApiKeyFile are both set: set one of them");
        if (!fromValue && !fromFile) return (null, null);

        var source = fromValue ? "Api:ApiKey" : $"Api:ApiKeyFile ({options.ApiKeyFile})";
        string key;
        try
        {
            key = fromValue ? options.ApiKey! : File.ReadLines(options.ApiKeyFile!).FirstOrDefault()?.Trim() ?? "";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"{source}: cannot be read: {e.Message}");
        }

        if (key.Length < MinimumLength)
            return (null, $"{source}: the key has {key.Length} characters; use at least {MinimumLength} (for example: openssl rand -hex 32)");
        if (key.Any(c => c is < '!' or > '~'))
            return (null, $"{source}: the key must be printable ASCII without spaces (it travels in gRPC metadata)");
        return (Hash(key), null);
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
