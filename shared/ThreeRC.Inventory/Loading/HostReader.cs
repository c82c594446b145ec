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
        fields.RejectUnknownKeys(map, path, "name", "address", "ganglia", "ssh", "driver", "libvirtUri", "cpus", "memoryMb", "loadThreshold", "maxVms", "fencing");
        var name = fields.String(map, path, "name", InventoryPatterns.Name(), "a name (letters, digits, '.', '-', '_')", required: true);
        names.Add(name, map, "name", path);
        if (name is not null) DeclaredNames.Add(name);
        var address = fields.String(map, path, "address", InventoryPatterns.Address(), "a host name or IP address", required: true);
        var ganglia = fields.String(map, path, "ganglia", InventoryPatterns.Address(), "a host name or IP address") ?? name;
        gangliaNames.Add(ganglia, map, fields.Child(map, "ganglia") is null ? "name" : "ganglia", path);
        var ssh = SshReader.Read(fields, map, path, defaultUser: null);
        var driver = ReadDriver(map, path);
        var libvirtUri = ReadLibvirtUri(map, path, driver);
        var cpus = fields.Int(map, path, "cpus", 1, 4096, required: true);
        var memory = fields.Int(map, path, "memoryMb", 1, int.MaxValue, required: true);
        var threshold = fields.Double(map, path, "loadThreshold", 0, required: true);
        var maxVms = fields.Int(map, path, "maxVms", 0, 100_000, required: true);
        var fencing = ReadFencing(map, path);

        return name is null || address is null || ganglia is null || ssh is null || driver is null || cpus is null
            || memory is null || threshold is null || maxVms is null
            ? null
            : new PhysicalHost(name, address, ganglia, ssh, driver.Value, cpus.Value, memory.Value, threshold.Value, maxVms.Value, fencing)
            {
                LibvirtUri = libvirtUri ?? PhysicalHost.SystemLibvirtUri,
            };
    }

    private string? ReadLibvirtUri(YamlMappingNode map, string path, HypervisorDriver? driver)
    {
        var uri = fields.String(map, path, "libvirtUri", InventoryPatterns.LibvirtUri(), "a libvirt URI such as qemu:///system (no query, no spaces or quotes)");
        if (uri is not null && driver is HypervisorDriver.Esxi)
            fields.Error(fields.Child(map, "libvirtUri")!, $"{path}.libvirtUri", "applies to libvirt hosts only (this host's driver is esxi)");
        return uri;
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
            fields.RejectUnknownKeys(item, itemPath, "method", "address", "port", "interface", "cipherSuite", "insecure", "user", "passwordFile", "passwordVariable");
            switch (fields.String(item, itemPath, "method", required: true))
            {
                case "hypervisor":
                    methods.Add(new FencingMethod(FenceMethod.Hypervisor, null));
                    break;
                case "ipmi":
                    if (IpmiReader.Read(fields, item, itemPath) is { } ipmi) methods.Add(new FencingMethod(FenceMethod.Ipmi, ipmi));
                    break;
                case { } other:
                    fields.Error(fields.Child(item, "method")!, $"{itemPath}.method", $"'{other}' is not a fencing method (expected ipmi or hypervisor)");
                    break;
            }
        }

        return methods;
    }

    private T? Invalid<T>(YamlMappingNode map, string field, string key, string message) where T : struct
    {
        fields.Error(fields.Child(map, key) ?? map, field, message);
        return null;
    }
}
