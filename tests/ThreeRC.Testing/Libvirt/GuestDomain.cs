using System.Security;
using ThreeRC.Testing.Ganglia;

namespace ThreeRC.Testing.Libvirt;

/// <summary>The libvirt domain XML of a lab guest: its init sends heartbeats to the lab's gmond, and to the monitor's push port when the gmond has one.</summary>
internal static class GuestDomain
{
    public static string Xml(LabGuest guest, GmondProcess gmond) => $"""
        <domain type='qemu'>
          <name>{Escape(guest.Name)}</name>
          <memory unit='MiB'>96</memory>
          <vcpu>1</vcpu>
          <os>
            <type arch='x86_64' machine='pc'>hvm</type>
            <kernel>{LabScript.Kernel}</kernel>
            <initrd>{LabScript.Initrd}</initrd>
            <cmdline>console=ttyS0 quiet threerc.name={Escape(guest.Name)} threerc.spoof={guest.SpoofAddress} threerc.gmond={gmond.UdpPort}{(gmond.AlsoSendTo is { } push ? $" threerc.push={push}" : "")}</cmdline>
          </os>
          <on_crash>destroy</on_crash>
          <devices>
            <interface type='user'>
              <mac address='{guest.Mac}'/>
              <model type='virtio'/>
            </interface>
            <serial type='file'>
              <source path='{Escape(guest.Console)}' append='on'/>
              <target port='0'/>
            </serial>
            <serial type='unix'>
              <source mode='bind' path='{Escape(guest.ControlSocket)}'/>
              <target port='1'/>
            </serial>
            <memballoon model='none'/>
          </devices>
        </domain>

        """;

    private static string Escape(string text) => SecurityElement.Escape(text);
}
