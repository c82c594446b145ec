using System.CommandLine;
using ThreeRC.Api.V1;
using ThreeRC.Cli.Connection;
using ThreeRC.Cli.Output;

namespace ThreeRC.Cli.Commands;

public static class PlanCommand
{
    private static readonly Argument<string> Vm = new("vm") { Description = "The VM's inventory name" };

    public static Command Create() =>
        new Command("plan", "A dry run: what ThreeRC would do for a VM now, and where placement would put it.") { Vm }
            .WithApiAction(async (api, printer, parsed, cancellationToken) =>
            {
                var plan = await api.Recoveries.PlanRecoveryAsync(new PlanRecoveryRequest { VmName = parsed.GetValue(Vm) }, ApiSession.Unary(cancellationToken));
                if (printer.Json)
                {
                    printer.Write(plan);
                    return;
                }

                printer.Write(Tables.Facts($"Plan for {plan.VmName}", Facts(plan)));
            });

    private static IEnumerable<(string Name, string Value)> Facts(RecoveryPlan plan) =>
    [
        ("Next intervention", plan.Level == RecoveryLevel.Unspecified ? "none: an operator must act" : Show.Word(plan.Level)),
        ("Why", plan.Explanation),
        ("Open incident", Show.Text(plan.OpenRecoveryId)),
        ("Runs on", $"{plan.CurrentHost} ({Show.Word(plan.CurrentHostState)})"),
        ("Must relocate", plan.MustRelocate ? "yes" : "no"),
        ("Placement would choose", Show.Text(plan.PlacementHost)),
        ("Placement says", Show.Text(plan.PlacementReason)),
    ];
}
