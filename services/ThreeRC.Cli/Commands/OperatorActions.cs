using ThreeRC.Api.V1;
using ThreeRC.Cli.Output;

namespace ThreeRC.Cli.Commands;

public static class OperatorActions
{
    public static void Print(Printer printer, OperatorAction action)
    {
        if (printer.Json) printer.Write(action);
        else printer.WriteLine($"Done: {action.Action} on {action.Target} ({action.Detail}), action {action.Id} by {action.RequestedBy} at {Show.Time(action.RequestedAt)}.");
    }
}
