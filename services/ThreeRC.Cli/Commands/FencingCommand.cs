using System.CommandLine;
using ThreeRC.Api.V1;
using ThreeRC.Cli.Connection;

namespace ThreeRC.Cli.Commands;

public static class FencingCommand
{
    private static readonly Option<string> Reason = new("--reason") { Description = "What you checked, in one line (recorded)", Required = true, HelpName = "text" };

    private static readonly Argument<string> RecoveryId = new("recovery-id") { Description = "The incident whose fencing alert threerc status lists" };

    public static Command Create() => new(
        "fencing",
        "The mass-failure brake (when too many physical hosts go silent at once, ThreeRC fences none and holds every incident until an operator resumes) and the fencing alerts (no fencing method of a host worked twice over). threerc status shows both.")
    {
        new Command("resume", "Lift the brake once you have checked that the silent hosts are really down: fencing and the held incidents go on. Needs the API key.")
        {
            Reason,
        }.WithApiAction(async (api, printer, parsed, cancellationToken) =>
        {
            var request = new ResumeFencingRequest { Reason = parsed.GetValue(Reason), RequestedBy = api.RequestedBy };
            var action = await api.Operations.ResumeFencingAsync(request, ApiSession.Unary(cancellationToken));
            OperatorActions.Print(printer, action);
        }),
        new Command("acknowledge", "Say that you have seen an incident's fencing alert and are on it: threerc status and the dashboard stop listing it until the incident raises another. The incident goes on. Needs the API key.")
        {
            RecoveryId,
            Reason,
        }.WithApiAction(async (api, printer, parsed, cancellationToken) =>
        {
            var request = new AcknowledgeFencingAlertRequest { RecoveryId = parsed.GetValue(RecoveryId), Reason = parsed.GetValue(Reason), RequestedBy = api.RequestedBy };
            var action = await api.Operations.AcknowledgeFencingAlertAsync(request, ApiSession.Unary(cancellationToken));
            OperatorActions.Print(printer, action);
        }),
    };
}
