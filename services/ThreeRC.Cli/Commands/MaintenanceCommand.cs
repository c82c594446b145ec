using System.CommandLine;
using ThreeRC.Api.V1;
using ThreeRC.Cli.Connection;
using ThreeRC.Cli.Output;

namespace ThreeRC.Cli.Commands;

public static class MaintenanceCommand
{
    public static Command Create() => new("maintenance", "Put a physical host or a VM into maintenance (ThreeRC leaves it alone), or take it out. Needs the API key.")
    {
        Change("on", "Put it into maintenance.", inMaintenance: true),
        Change("off", "Take it out of maintenance.", inMaintenance: false),
    };

    private static Command Change(string name, string description, bool inMaintenance)
    {
        var target = new Argument<string>("target") { Description = "host or vm" }.AcceptOnlyFromAmong("host", "vm");
        var targetName = new Argument<string>("name") { Description = "Its inventory name" };
        var reason = new Option<string>("--reason") { Description = "Why, in one line (recorded)", Required = true, HelpName = "text" };
        return new Command(name, description) { target, targetName, reason }.WithApiAction(async (api, printer, parsed, cancellationToken) =>
        {
            var request = new SetMaintenanceRequest
            {
                Target = parsed.GetValue(target) == "host" ? MaintenanceTarget.Host : MaintenanceTarget.Vm,
                Name = parsed.GetValue(targetName),
                InMaintenance = inMaintenance,
                Reason = parsed.GetValue(reason),
                RequestedBy = api.RequestedBy,
            };
            var action = await api.Operations.SetMaintenanceAsync(request, ApiSession.Unary(cancellationToken));
            OperatorActions.Print(printer, action);
        });
    }
}
