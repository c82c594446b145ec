using ThreeRC.Inventory.Model;
using YamlDotNet.RepresentationModel;

namespace ThreeRC.Inventory.Loading;

internal static class SshReader
{
    /// <summary>Reads an <c>ssh:</c> block (user, port, keyFile); user defaults to <paramref name="defaultUser"/> when given.</summary>
    public static SshEndpoint? Read(YamlFieldReader fields, YamlMappingNode owner, string ownerPath, string? defaultUser)
    {
        var path = $"{ownerPath}.ssh";
        var node = fields.Child(owner, "ssh");
        if (node is null)
        {
            if (defaultUser is null) fields.Error(owner, path, "missing (required): give at least ssh.user");
            return defaultUser is null ? null : new SshEndpoint(defaultUser, 22, null);
        }

        if (fields.AsMapping(node, path) is not { } map) return null;
        fields.RejectUnknownKeys(map, path, "user", "port", "keyFile");
        var user = fields.String(map, path, "user", InventoryPatterns.User(), "a Unix login name", required: defaultUser is null) ?? defaultUser;
        var port = fields.Int(map, path, "port", 1, 65535) ?? 22;
        var keyFile = fields.String(map, path, "keyFile", InventoryPatterns.AbsolutePath(), "an absolute path");
        return user is null ? null : new SshEndpoint(user, port, keyFile);
    }
}
