using ThreeRC.Inventory.Model;
using YamlDotNet.RepresentationModel;

namespace ThreeRC.Inventory.Loading;

internal sealed class VmReader(
    YamlFieldReader fields,
    NameRegistry names,
    NameRegistry gangliaNames,
    IReadOnlyList<string> hostNames,
    IReadOnlyList<string> profileNames)
{
    private readonly NameRegistry _macs = new(fields, "MAC");

    public List<VirtualMachine> ReadAll(YamlMappingNode root) =>
        fields.Items(root, "", "vms").Select(item => Read(item.Item, item.Path)).OfType<VirtualMachine>().ToList();

    private VirtualMachine? Read(YamlMappingNode map, string path)
    {
        fields.RejectUnknownKeys(map, path, "name", "ganglia", "mac", "address", "ssh", "rebootCommand", "home", "memoryMb",
            "definition", "profile", "reinstall", "priority", "antiAffinity");
        var name = fields.String(map, path, "name", InventoryPatterns.Name(), "a name (letters, digits, '.', '-', '_')", required: true);
        names.Add(name, map, "name", path);
        var ganglia = fields.String(map, path, "ganglia", InventoryPatterns.Address(), "a host name or IP address") ?? name;
        gangliaNames.Add(ganglia, map, fields.Child(map, "ganglia") is null ? "name" : "ganglia", path);
        var mac = fields.String(map, path, "mac", required: true)?.ToLowerInvariant().Replace('-', ':');
        if (mac is not null && !InventoryPatterns.Mac().IsMatch(mac))
        {
            fields.Error(fields.Child(map, "mac")!, $"{path}.mac", $"'{mac}' is not a MAC address (expected six hex pairs such as 52:54:00:12:34:56)");
            mac = null;
        }

        _macs.Add(mac, map, "mac", path);
        var address = fields.String(map, path, "address", InventoryPatterns.Address(), "a host name or IP address", required: true);
        var ssh = SshReader.Read(fields, map, path, defaultUser: "root");
        var reboot = fields.String(map, path, "rebootCommand", InventoryPatterns.PlainCommand(), "a plain command (no quotes or shell metacharacters)") ?? "reboot";
        var home = Reference(map, path, "home", hostNames, "physical host", required: true);
        var memory = fields.Int(map, path, "memoryMb", 1, int.MaxValue, required: true);
        var definition = fields.String(map, path, "definition", InventoryPatterns.AbsolutePath(), "an absolute path", required: true);
        var profile = Reference(map, path, "profile", profileNames, "install profile", required: false);
        var reinstall = fields.Bool(map, path, "reinstall") ?? profile is not null;
        if (reinstall && fields.Child(map, "profile") is null)
            fields.Error(fields.Child(map, "reinstall") ?? map, $"{path}.reinstall", "reinstall needs a profile: name one, or set reinstall: false");
        var priority = fields.Int(map, path, "priority", 0, 1000) ?? 0;
        var group = fields.String(map, path, "antiAffinity", InventoryPatterns.Name(), "a group name (letters, digits, '.', '-', '_')");

        return name is null || ganglia is null || mac is null || address is null || ssh is null || home is null
            || memory is null || definition is null
            ? null
            : new VirtualMachine(name, ganglia, mac, address, ssh, reboot, home, memory.Value, definition, profile, reinstall, priority, group);
    }

    private string? Reference(YamlMappingNode map, string path, string key, IEnumerable<string> known, string what, bool required)
    {
        var value = fields.String(map, path, key, InventoryPatterns.Name(), $"a {what} name", required);
        if (value is null || known.Contains(value, StringComparer.Ordinal)) return value;
        fields.Error(fields.Child(map, key)!, $"{path}.{key}", $"no {what} named '{value}' in the inventory");
        return null;
    }
}
