using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using ThreeRC.Api.V1;
using ThreeRC.Cli.Connection;
using ThreeRC.Cli.Output;

namespace ThreeRC.Cli.Commands;

public static class StatusCommand
{
    public static Command Create() =>
        new Command("status", "The physical hosts and the VMs: state, load, where each VM runs, open incidents, maintenance; first, the mass-failure brake when it holds and the fencing alerts nobody acknowledged.")
            .WithApiAction(RunAsync);

    private static async Task RunAsync(ApiSession api, Printer printer, ParseResult parsed, CancellationToken cancellationToken)
    {
        var hosts = await api.Cluster.ListHostsAsync(new ListHostsRequest(), ApiSession.Unary(cancellationToken));
        var vms = await api.Cluster.ListVmsAsync(new ListVmsRequest(), ApiSession.Unary(cancellationToken));
        if (printer.Json)
        {
            var both = JsonNode.Parse(Printer.Format(hosts))!.AsObject();
            both["vms"] = JsonNode.Parse(Printer.Format(vms))!["vms"]!.DeepClone();
            Console.Out.WriteLine(both.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
            return;
        }

        if (hosts.FencingHalted is { } halt) printer.Write(Brake(halt));
        foreach (var alert in hosts.FencingAlerts) printer.Write(Alert(alert));
        printer.Write(HostTable(hosts));
        printer.Write(VmTable(vms));
        var blind = hosts.MonitorSources.Where(source => !source.Available).ToList();
        foreach (var source in blind) printer.WriteLine($"Ganglia source {source.Source} cannot be read since {Show.Time(source.Since)}: {source.Reason}");
    }

    /// <summary>First, framed, and in capitals: while it holds, no host is fenced and no incident acts.</summary>
    private static Spectre.Console.Panel Brake(FencingHalt halt) => Tables.Facts("FENCING HALTED",
    [
        ("Since", Show.Time(halt.Since)),
        ("Silent hosts", $"{string.Join(", ", halt.SilentHosts)} ({halt.SilentHosts.Count} of {halt.PhysicalHosts})"),
        ("Why", halt.Reason),
        ("Meanwhile", "no host is fenced and no incident acts"),
        ("To go on", "check that the silent hosts are really down, then: threerc fencing resume --reason \"...\""),
    ]);

    private static Spectre.Console.Panel Alert(FencingAlert alert) => Tables.Facts($"FENCING ALERT: {alert.VmName}",
    [
        ("Since", Show.Time(alert.RaisedAt)),
        ("What", alert.Summary),
        ("Incident", alert.RecoveryId),
        ("To go on", $"power {alert.HostName} off by hand or mend its fencing; then: threerc fencing acknowledge {alert.RecoveryId} --reason \"...\""),
    ]);

    private static Spectre.Console.Table HostTable(ListHostsResponse hosts)
    {
        var table = Tables.Create("Physical hosts", "HOST", "STATE", "SINCE", "LAST HEARD", "LOAD 1/5", "VMS", "MAINTENANCE");
        foreach (var host in hosts.Hosts)
            table.AddText(
                host.Name,
                Show.Word(host.State),
                Show.Time(host.StateSince),
                Show.Time(host.LastHeardAt),
                host.Load is null ? Show.None : string.Create(CultureInfo.InvariantCulture, $"{host.Load.LoadOne:0.00}/{host.Load.LoadFive:0.00}"),
                host.VmNames.Count == 0 ? Show.None : string.Join(", ", host.VmNames),
                host.Maintenance is null ? Show.None : $"{host.Maintenance.Reason} ({host.Maintenance.ChangedBy})");
        return table;
    }

    private static Spectre.Console.Table VmTable(ListVmsResponse vms)
    {
        var table = Tables.Create("VMs", "VM", "STATE", "SINCE", "HOST", "HOME", "INCIDENT", "MAINTENANCE");
        foreach (var vm in vms.Vms)
            table.AddText(
                vm.Name,
                Show.Word(vm.State),
                Show.Time(vm.StateSince),
                vm.CurrentHost,
                vm.HomeHost,
                vm.OpenRecovery is null ? Show.None : $"{vm.OpenRecovery.Id} ({Show.Step(vm.OpenRecovery.CurrentStep)})",
                vm.Maintenance is null ? Show.None : $"{vm.Maintenance.Reason} ({vm.Maintenance.ChangedBy})");
        return table;
    }
}
