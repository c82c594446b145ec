using ThreeRC.Inventory.Model;
using YamlDotNet.RepresentationModel;

namespace ThreeRC.Inventory.Loading;

internal sealed class ProfileReader(YamlFieldReader fields)
{
    /// <summary>Every profile name the file declares, valid profile or not.</summary>
    public List<string> DeclaredNames { get; } = [];

    public List<InstallProfile> ReadAll(YamlMappingNode root)
    {
        var names = new NameRegistry(fields, "profile");
        var profiles = new List<InstallProfile>();
        foreach (var (map, path) in fields.Items(root, "", "profiles"))
        {
            fields.RejectUnknownKeys(map, path, "name", "kernel", "initrd", "append", "role");
            var name = fields.String(map, path, "name", InventoryPatterns.Name(), "a name (letters, digits, '.', '-', '_')", required: true);
            names.Add(name, map, "name", path);
            if (name is not null) DeclaredNames.Add(name);
            var kernel = TftpPath(map, path, "kernel");
            var initrd = TftpPath(map, path, "initrd");
            var append = fields.String(map, path, "append", InventoryPatterns.SingleLine(), "one line of text", required: true);
            var role = fields.String(map, path, "role", InventoryPatterns.Name(), "a role name (letters, digits, '.', '-', '_')", required: true);
            if (name is not null && kernel is not null && initrd is not null && append is not null && role is not null)
                profiles.Add(new InstallProfile(name, kernel, initrd, append, role));
        }

        return profiles;
    }

    private string? TftpPath(YamlMappingNode map, string path, string key) =>
        fields.String(map, path, key, InventoryPatterns.RelativePath(), "a path inside the TFTP root", required: true);
}
