using System.Text;
using ThreeRC.Testing;

namespace ThreeRC.HypervisorExecutor.Tests.Harness;

/// <summary>Writes inventory YAML for the lab's machines, one host or VM at a time.</summary>
internal sealed class TestInventory
{
    private readonly StringBuilder _hosts = new();
    private readonly StringBuilder _vms = new();
    private int _macs;

    public TestInventory Host(
        string name, SimulatedHost host, string driver = "libvirt", string? keyFile = null, string fencing = "- method: hypervisor", string? libvirtUri = null) =>
        Host(name, host.Ssh.Address, host.Ssh.Port, host.Ssh.User, driver, keyFile, fencing, libvirtUri);

    public TestInventory Host(
        string name, string address, int port, string user, string driver = "libvirt", string? keyFile = null, string fencing = "- method: hypervisor",
        string? libvirtUri = null)
    {
        _hosts.Append($"""
              - name: {name}
                address: {address}
                ssh:
                  user: {user}
                  port: {port}
            {KeyLine(keyFile)}
                driver: {driver}
            {(libvirtUri is null ? "" : $"    libvirtUri: {libvirtUri}")}
                cpus: 4
                memoryMb: 8192
                loadThreshold: 4
                maxVms: 10
                fencing:
                  {fencing.Replace("\n", "\n      ")}

            """);
        return this;
    }

    public TestInventory Vm(string name, string home, string definition, SimulatedHost? guest = null, string rebootCommand = "reboot", string? keyFile = null, int? guestPort = null)
    {
        _macs++;
        _vms.Append($"""
              - name: {name}
                mac: "52:54:00:00:00:{_macs:x2}"
                address: {guest?.Ssh.Address ?? "127.0.0.1"}
                ssh:
                  user: {guest?.Ssh.User ?? "root"}
                  port: {guestPort ?? guest?.Ssh.Port ?? 22}
            {KeyLine(keyFile)}
                rebootCommand: {rebootCommand}
                home: {home}
                memoryMb: 512
                definition: {definition}
                reinstall: false

            """);
        return this;
    }

    public string Yaml => $"hosts:\n{_hosts}vms:\n{_vms}";

    private static string KeyLine(string? keyFile) => keyFile is null ? "" : $"      keyFile: {keyFile}";
}
