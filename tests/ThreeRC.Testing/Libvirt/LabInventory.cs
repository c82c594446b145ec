using System.Globalization;
using System.Text;
using ThreeRC.Testing.DataCentre;

namespace ThreeRC.Testing.Libvirt;

/// <summary>
/// The lab's inventory: each host reached by SSH as its own user, its guests on that user's qemu:///session (the
/// host's libvirtUri), fenced through its BMC; each guest with its shared definition. The guests run no sshd: their
/// guest reboot fails (connection refused) and a restart follows.
/// A host takes every guest of the campaign (4 × 96 MB of its 1024 MB, 4 VMs at most). Its load threshold leaves room
/// for placement's expected load of 1.0 per VM started in the last 5 minutes: 4 such guests, one more arriving,
/// plus the 0.1 the host reports make 5.1, under 6.
/// </summary>
internal static class LabInventory
{
    public static string Yaml(IEnumerable<LabHost> hosts, IEnumerable<LabGuest> guests, DataCentreTimers timers, int closedPort)
    {
        var yaml = new StringBuilder(DataCentreInventory.TimersAndDetection(timers));
        yaml.Append("""
            hosts:

            """);
        foreach (var host in hosts) yaml.Append(DataCentreInventory.Host(host.Name, host.Ssh, host.Bmc, cpus: 2, memoryMb: 1024, loadThreshold: 6, libvirtUri: "qemu:///session"));
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
