using System.CommandLine;
using ThreeRC.Api.V1;
using ThreeRC.Cli.Connection;

namespace ThreeRC.Cli.Commands;

public static class RecoverCommand
{
    private static readonly Argument<string> Vm = new("vm") { Description = "The VM's inventory name" };

    private static readonly Option<string> Level = new Option<string>("--level")
    {
        Description = "The first intervention; by default what threerc plan shows",
    }.AcceptOnlyFromAmong("reboot", "restart", "reinstall");

    private static readonly Option<string> Reason = new("--reason") { Description = "Why, in one line (recorded)", Required = true, HelpName = "text" };

    public static Command Create() =>
        new Command("recover", "Start an incident for a VM now (or escalate its open one). Needs the API key.") { Vm, Level, Reason }
            .WithApiAction(async (api, printer, parsed, cancellationToken) =>
            {
                var request = new TriggerRecoveryRequest
                {
                    VmName = parsed.GetValue(Vm),
                    StartLevel = parsed.GetValue(Level) switch
                    {
                        "reboot" => RecoveryLevel.Reboot,
                        "restart" => RecoveryLevel.Restart,
                        "reinstall" => RecoveryLevel.Reinstall,
                        _ => RecoveryLevel.Unspecified,
                    },
                    Reason = parsed.GetValue(Reason),
                    RequestedBy = api.RequestedBy,
                };
                var action = await api.Operations.TriggerRecoveryAsync(request, ApiSession.Unary(cancellationToken));
                OperatorActions.Print(printer, action);
            });
}
