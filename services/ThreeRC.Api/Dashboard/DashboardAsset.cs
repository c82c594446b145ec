using System.Reflection;
using System.Security.Cryptography;

namespace ThreeRC.Api.Dashboard;

/// <summary>One file of the status page, embedded in this assembly as <c>dashboard/NAME</c> and kept in memory.</summary>
internal sealed record DashboardAsset(string Name, string ContentType, byte[] Content, string ETag)
{
    private const string Prefix = "dashboard/";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".svg"] = "image/svg+xml",
    };

    public static IReadOnlyDictionary<string, DashboardAsset> LoadAll()
    {
        var assembly = typeof(DashboardAsset).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(name => Load(assembly, name))
            .ToDictionary(asset => asset.Name, StringComparer.Ordinal);
    }

    private static DashboardAsset Load(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var content = copy.ToArray();
        var name = resource[Prefix.Length..];
        var type = ContentTypes.GetValueOrDefault(Path.GetExtension(name))
            ?? throw new InvalidOperationException($"dashboard asset {name}: no content type for its extension");
        return new DashboardAsset(name, type, content, $"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..16]}\"");
    }
}
