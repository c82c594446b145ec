namespace ThreeRC.ServiceDefaults.Rehearsal;

/// <summary>The made-up data centre a rehearsal plays in: two hosts fenced through their hypervisor, one VM.</summary>
public static class RehearsalInventory
{
    public const string Vm = "rehearsal-vm";
    public const string Home = "rehearsal-home";
    public const string Spare = "rehearsal-spare";

    internal static string Yaml => $"""
        timers:
          rebootWait: 3m
          restartWait: 3m
          installBudget: 10m
        hosts:
        {Host(Home, 1)}
        {Host(Spare, 2)}
        vms:
          - name: {Vm}
            mac: "52:54:00:00:00:01"
            address: 192.0.2.101
            home: {Home}
            memoryMb: 1024
            definition: /nonexistent/{Vm}.xml
            reinstall: false
        """;

    // 192.0.2.0/24 is TEST-NET-1: nothing answers there, and nothing is ever sent there either.
    private static string Host(string name, int number) => $"""
          - name: {name}
            address: 192.0.2.{number}
            ssh:
              user: rehearsal
            driver: libvirt
            cpus: 4
            memoryMb: 8192
            loadThreshold: 8
            maxVms: 4
            fencing:
              - method: hypervisor
        """;
}
