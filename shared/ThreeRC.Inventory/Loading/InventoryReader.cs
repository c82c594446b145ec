using ThreeRC.Inventory.Model;
using YamlDotNet.RepresentationModel;

namespace ThreeRC.Inventory.Loading;

/// <summary>Maps the YAML document onto the model, section by section, checking every field and reference.</summary>
internal sealed class InventoryReader(YamlFieldReader fields, string fileName)
{
    private static readonly RecoveryTimers DefaultTimers = new(TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(10));
    private static readonly DetectionSettings DefaultDetection = new(4, null, false, TimeSpan.FromSeconds(1));

    public ClusterInventory? Read(YamlMappingNode root)
    {
        fields.RejectUnknownKeys(root, "", "timers", "detection", "hosts", "vms", "profiles");
        var timers = ReadTimers(root);
        var detection = ReadDetection(root);
        var names = new NameRegistry(fields, "name");
        var gangliaNames = new NameRegistry(fields, "Ganglia host name");

        var hostReader = new HostReader(fields, names, gangliaNames);
        var hosts = hostReader.ReadAll(root);
        var profileReader = new ProfileReader(fields);
        var profiles = profileReader.ReadAll(root);
        var vms = new VmReader(fields, names, gangliaNames, hostReader.DeclaredNames, profileReader.DeclaredNames).ReadAll(root);
        if (hosts.Count == 0 && fields.Child(root, "hosts") is null)
            fields.Error(root, "hosts", "missing (required): list at least one physical host");

        return fields.Errors.Count > 0 ? null : new ClusterInventory(fileName, timers, detection, hosts, vms, profiles);
    }

    private RecoveryTimers ReadTimers(YamlMappingNode root)
    {
        if (fields.Child(root, "timers") is not { } node || fields.AsMapping(node, "timers") is not { } map) return DefaultTimers;
        fields.RejectUnknownKeys(map, "timers", "rebootWait", "restartWait", "installBudget");
        return new RecoveryTimers(
            fields.Duration(map, "timers", "rebootWait") ?? DefaultTimers.RebootWait,
            fields.Duration(map, "timers", "restartWait") ?? DefaultTimers.RestartWait,
            fields.Duration(map, "timers", "installBudget") ?? DefaultTimers.InstallBudget);
    }

    private DetectionSettings ReadDetection(YamlMappingNode root)
    {
        if (fields.Child(root, "detection") is not { } node || fields.AsMapping(node, "detection") is not { } map) return DefaultDetection;
        fields.RejectUnknownKeys(map, "detection", "tmaxFactor", "absoluteLimit", "confirmWithProbe", "probeTimeout", "missedHeartbeats");
        return new DetectionSettings(
            fields.Double(map, "detection", "tmaxFactor", 1) ?? DefaultDetection.TmaxFactor,
            fields.Duration(map, "detection", "absoluteLimit"),
            fields.Bool(map, "detection", "confirmWithProbe") ?? DefaultDetection.ConfirmWithProbe,
            fields.Duration(map, "detection", "probeTimeout") ?? DefaultDetection.ProbeTimeout,
            fields.Int(map, "detection", "missedHeartbeats", 1, 100) ?? DefaultDetection.MissedHeartbeats);
    }
}
