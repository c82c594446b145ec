using ThreeRC.Inventory.Model;
using YamlDotNet.RepresentationModel;

namespace ThreeRC.Inventory.Loading;

internal static class IpmiReader
{
    private const string Accept = "set insecure: true on this BMC to accept that";

    /// <summary>Reads the BMC of an ipmi fencing method; an unprotected session (lan, cipher suite 0) needs <c>insecure: true</c>.</summary>
    public static IpmiSettings? Read(YamlFieldReader fields, YamlMappingNode map, string path)
    {
        var address = fields.String(map, path, "address", InventoryPatterns.Address(), "a host name or IP address", required: true);
        var port = fields.Int(map, path, "port", 1, 65535) ?? 623;
        var lanInterface = fields.String(map, path, "interface") ?? "lanplus";
        var cipherSuite = fields.Int(map, path, "cipherSuite", 0, 17);
        var insecure = fields.Bool(map, path, "insecure") ?? false;
        var user = fields.String(map, path, "user", InventoryPatterns.User(), "a BMC user name", required: true);
        var passwordFile = fields.String(map, path, "passwordFile", InventoryPatterns.AbsolutePath(), "an absolute path");
        var passwordVariable = fields.String(map, path, "passwordVariable", InventoryPatterns.EnvironmentVariable(), "an environment variable name");
        if (passwordFile is null == passwordVariable is null)
            fields.Error(map, $"{path}.passwordFile", "give exactly one of passwordFile or passwordVariable (never the password itself)");

        if (lanInterface is not ("lan" or "lanplus"))
            fields.Error(fields.Child(map, "interface")!, $"{path}.interface", $"'{lanInterface}' is not an IPMI interface (expected lan or lanplus)");
        else if (lanInterface == "lan" && !insecure)
            fields.Error(fields.Child(map, "interface")!, $"{path}.interface",
                $"'lan' (IPMI 1.5) has no integrity protection: a forged or replayed packet could power the host off or on; use lanplus, or {Accept}");
        if (cipherSuite is not null && lanInterface == "lan")
            fields.Error(fields.Child(map, "cipherSuite")!, $"{path}.cipherSuite", "a cipher suite applies to interface lanplus only");
        else if (cipherSuite == 0 && !insecure)
            fields.Error(fields.Child(map, "cipherSuite")!, $"{path}.cipherSuite",
                $"cipher suite 0 authenticates nothing: anyone who can reach the BMC could power the host off or on; choose another (17 is ipmitool's default), or {Accept}");

        return address is null || user is null
            ? null
            : new IpmiSettings(address, port, lanInterface, user, passwordFile, passwordVariable) { Insecure = insecure, CipherSuite = cipherSuite };
    }
}
