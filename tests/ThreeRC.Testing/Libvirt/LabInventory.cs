using System.Globalization;
using System.Text;
using ThreeRC.Testing.DataCentre;

namespace ThreeRC.Testing.Libvirt;

/// <summary>
/// The lab's inventory: each host reached by SSH as its own user, fenced through its BMC; each guest with its
/// shared definition. The guests run no sshd, so their guest reboot fails at once and a restart follows.
/// </summary>
internal static class LabInventory
{
    public static string Yaml(IEnumerable<LabHost> hosts, IEnumerable<LabGuest> guests, DataCentreTimers timers, int closedPort)
    {
        var yaml = new StringBuilder(DataCentreInventory.TimersAndDetection(timers));
        yaml.Append("""
            hosts:

            """);
        foreach (var host in hosts)
            yaml.Append(CultureInfo.InvariantCulture, $$"""
                  - name: {{host.Name}}
                    address: {{host.Ssh.Address}}
                    ssh: { user: {{host.Ssh.User}}, port: {{host.Ssh.Port}} }
                    driver: libvirt
                    cpus: 2
                    memoryMb: 1024
                    loadThreshold: 4
                    maxVms: 4
                    fencing:
                      - method: ipmi
                        address: {{host.Bmc.Address}}
                        port: {{host.Bmc.Port}}
                        interface: lan
                        user: {{host.Bmc.User}}
                        passwordFile: {{host.Bmc.PasswordFile}}

                """);
        yaml.Append("vms:\n");
        foreach (var guest in guests)
            yaml.Append(CultureInfo.InvariantCulture, $$"""
                  - name: {{guest.Name}}
                    mac: "{{guest.Mac}}"
                    address: 127.0.0.1
                    ssh: { user: root, port: {{closedPort}} }
                    home: {{guest.Home}}
                    memoryMb: 96
                    definition: {{guest.Definition}}
                    reinstall: false

                """);
        return yaml.ToString();
    }
}
