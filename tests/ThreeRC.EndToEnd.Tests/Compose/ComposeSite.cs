using System.Security.Cryptography;
using ThreeRC.Testing;
using ThreeRC.Testing.DataCentre;

namespace ThreeRC.EndToEnd.Tests.Compose;

/// <summary>
/// The env file compose-test.sh --site reads for an emulated data centre: its SSH key, pinned host keys and BMC
/// passwords copied into folders the containers' user (uid 1654) owns, its inventory naming them as the containers see
/// them, its gmond (and the monitor's push port it also sends to), its TFTP root (given to that user too), and the secret files with a known API key.
/// </summary>
internal static class ComposeSite
{
    private const string ApiKey = "compose-site-api-key-0123456789";

    /// <summary>The Api's gRPC port as docker-compose.yml sets it, on the host's network.</summary>
    public const string ApiAddress = "http://127.0.0.1:5087";

    private const string ContainerUser = "1654:1654";

    public static async Task<string> WriteAsync(EmulatedDataCentre centre, TempDirectory directory)
    {
        var ssh = Directory.CreateDirectory(directory.Combine("ssh")).FullName;
        File.Copy(centre.ClientKey.PrivateKeyFile, Path.Combine(ssh, "id_ed25519"));
        File.Copy(centre.KnownHostsFile, Path.Combine(ssh, "known_hosts"));
        var ipmi = Directory.CreateDirectory(directory.Combine("ipmi")).FullName;
        var inventory = await File.ReadAllTextAsync(centre.InventoryFile);
        foreach (var host in centre.Hosts)
        {
            var password = $"{host.Name}-bmc-password";
            File.Copy(host.Bmc.PasswordFile, Path.Combine(ipmi, password));
            inventory = inventory.Replace(host.Bmc.PasswordFile, $"/etc/threerc/ipmi/{password}", StringComparison.Ordinal);
        }

        var secrets = Directory.CreateDirectory(directory.Combine("secrets")).FullName;
        foreach (var secret in new[] { "rabbitmq-password", "rabbitmq-erlang-cookie", "postgres-password" })
            await File.WriteAllTextAsync(Path.Combine(secrets, secret), Convert.ToHexString(RandomNumberGenerator.GetBytes(24)) + "\n");
        await File.WriteAllTextAsync(Path.Combine(secrets, "api-key"), ApiKey + "\n");

        var chown = await Command.RunAsync("chown", ["-R", ContainerUser, ssh, ipmi, centre.Tftp.TftpRoot], TimeSpan.FromSeconds(10));
        if (chown.ExitCode != 0) throw new InvalidOperationException($"chown for the containers' user failed: {chown}");
        return directory.Write("site.env", $"""
            THREERC_INVENTORY={directory.Write("inventory.yaml", inventory)}
            THREERC_GANGLIA_SOURCE={centre.Gmond.Source}
            THREERC_PUSH_PORT={centre.Gmond.AlsoSendTo}
            THREERC_SSH_DIR={ssh}
            THREERC_IPMI_DIR={ipmi}
            THREERC_TFTP_ROOT={centre.Tftp.TftpRoot}
            THREERC_PXE_CALLBACK_URL=http://127.0.0.1:5085
            THREERC_SECRETS_DIR={secrets}

            """);
    }
}
