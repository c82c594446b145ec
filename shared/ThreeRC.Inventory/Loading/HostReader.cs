using ThreeRC.Contracts.Hypervisor;
using ThreeRC.Inventory.Model;
using YamlDotNet.RepresentationModel;

namespace ThreeRC.Inventory.Loading;

internal sealed class HostReader(YamlFieldReader fields, NameRegistry names, NameRegistry gangliaNames)
{
    /// <summary>Every host name the file declares, valid host or not, so that references to a broken host are not reported twice.</summary>
    public List<string> DeclaredNames { get; } = [];

    public List<PhysicalHost> ReadAll(YamlMappingNode root) =>
        fields.Items(root, "", "hosts").Select(item => Read(item.Item, item.Path)).OfType<PhysicalHost>().ToList();

    private PhysicalHost? Read(YamlMappingNode map, string path)
    {
        fields.RejectUnknownKeys(map, path, "name", "address", "ganglia", "ssh", "driver", "cpus", "memoryMb", "loadThreshold", "maxVms", "fencing");
        var name = fields.String(map, path, "name", InventoryPatterns.Name(), "a name (letters, digits, '.', '-', '_')", required: true);
        names.Add(name, map, "name", path);
        if (name is not null) DeclaredNames.Add(name);
        var address = fields.String(map, path, "address", InventoryPatterns.Address(), "a host name or IP address", required: true);
        var ganglia = fields.String(map, path, "ganglia", InventoryPatterns.Address(), "a host name or IP address") ?? name;
        gangliaNames.Add(ganglia, map, fields.Child(map, "ganglia") is null ? "name" : "ganglia", path);
        var ssh = SshReader.Read(fields, map, path, defaultUser: null);
        var driver = ReadDriver(map, path);
        var cpus = fields.Int(map, path, "cpus", 1, 4096, required: true);
        var memory = fields.Int(map, path, "memoryMb", 1, int.MaxValue, required: true);
        var threshold = fields.Double(map, path, "loadThreshold", 0, required: true);
        var maxVms = fields.Int(map, path, "maxVms", 0, 100_000, required: true);
        var fencing = ReadFencing(map, path);

        return name is null || address is null || ganglia is null || ssh is null || driver is null || cpus is null
            || memory is null || threshold is null || maxVms is null
            ? null
            : new PhysicalHost(name, address, ganglia, ssh, driver.Value, cpus.Value, memory.Value, threshold.Value, maxVms.Value, fencing);
    }

    private HypervisorDriver? ReadDriver(YamlMappingNode map, string path) =>
        fields.String(map, path, "driver", required: true) switch
        {
            null => null,
            "libvirt" => HypervisorDriver.Libvirt,
            "esxi" => HypervisorDriver.Esxi,
            var other => Invalid<HypervisorDriver>(map, $"{path}.driver", "driver", $"'{other}' is not a driver (expected libvirt or esxi)"),
        };

    private List<FencingMethod> ReadFencing(YamlMappingNode map, string path)
    {
        var methods = new List<FencingMethod>();
        foreach (var (item, itemPath) in fields.Items(map, path, "fencing"))
        {
            fields.RejectUnknownKeys(item, itemPath, "method", "address", "port", "interface", "user", "passwordFile", "passwordVariable");
            switch (fields.String(item, itemPath, "method", required: true))
            {
                case "hypervisor":
                    methods.Add(new FencingMethod(FenceMethod.Hypervisor, null));
                    break;
                case "ipmi":
                    if (ReadIpmi(item, itemPath) is { } ipmi) methods.Add(new FencingMethod(FenceMethod.Ipmi, ipmi));
                    break;
                case { } other:
                    fields.Error(fields.Child(item, "method")!, $"{itemPath}.method", $"'{other}' is not a fencing method (expected ipmi or hypervisor)");
                    break;
            }
        }

        return methods;
    }

    private IpmiSettings? ReadIpmi(YamlMappingNode map, string path)
    {
        var address = fields.String(map, path, "address", InventoryPatterns.Address(), "a host name or IP address", required: true);
        var port = fields.Int(map, path, "port", 1, 65535) ?? 623;
        var lanInterface = fields.String(map, path, "interface") ?? "lanplus";
        if (lanInterface is not ("lan" or "lanplus"))
            fields.Error(fields.Child(map, "interface")!, $"{path}.interface", $"'{lanInterface}' is not an IPMI interface (expected lan or lanplus)");
        var user = fields.String(map, path, "user", InventoryPatterns.User(), "a BMC user name", required: true);
        var passwordFile = fields.String(map, path, "passwordFile", InventoryPatterns.AbsolutePath(), "an absolute path");
        var passwordVariable = fields.String(map, path, "passwordVariable", InventoryPatterns.EnvironmentVariable(), "an environment variable name");
        if (passwordFile is null == passwordVariable is null)
            fields.Error(map, $"{path}.passwordFile", "give exactly one of passwordFile or passwordVariable (never the password itself)");
        return address is null || user is null ? null : new IpmiSettings(address, port, lanInterface, user, passwordFile, passwordVariable);
    }

    private T? Invalid<T>(YamlMappingNode map, string field, string key, string message) where T : struct
    {
        fields.Error(fields.Child(map, key) ?? map, field, message);
        return null;
    }
}
