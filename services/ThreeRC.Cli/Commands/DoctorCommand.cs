using System.CommandLine;
using Grpc.Core;
using ThreeRC.Api.V1;
using ThreeRC.Cli.Connection;
using ThreeRC.Cli.Output;

namespace ThreeRC.Cli.Commands;

public static class DoctorCommand
{
    private static readonly Option<int> Wait = new("--wait")
    {
        Description = "How long to wait for every service's answer, in seconds (1-300); a site that answers in full returns sooner",
        DefaultValueFactory = _ => 60,
        HelpName = "seconds",
    };

    public static Command Create() =>
        new Command("doctor",
            "A preflight before you trust ThreeRC: every service checks now what a recovery will need (SSH logins and pinned keys, " +
            "virsh or vim-cmd on the right connection, each BMC's power status, every inventory name in Ganglia, the TFTP root, " +
            "the call-back URL, the broker and the stores). Changes nothing. Exit code 4 when a check fails or a service does not " +
            "answer. Needs the API key.")
        {
            Wait,
        }.WithApiAction(async (api, printer, parsed, cancellationToken) =>
        {
            var wait = parsed.GetValue(Wait);
            if (wait is < 1 or > 300) throw new UsageException($"--wait: {wait} is not between 1 and 300 seconds");
            var options = new CallOptions(deadline: DateTime.UtcNow.AddSeconds(wait + 30), cancellationToken: cancellationToken);
            var result = await api.Operations.RunPreflightAsync(new RunPreflightRequest { WaitSeconds = wait }, options);
            if (printer.Json) printer.Write(result);
            else Print(printer, result);
            return result.Passed ? ExitCodes.Success : ExitCodes.ChecksFailed;
        });

    private static void Print(Printer printer, RunPreflightResponse result)
    {
        var table = Tables.Create("Preflight", "RESULT", "MODULE", "CHECK", "SUBJECT", "DETAIL", "ANSWERED BY");
        foreach (var answer in result.Answers)
        foreach (var finding in answer.Findings)
            table.AddText(finding.Passed ? "ok" : "FAILED", finding.Module, finding.Check, Show.Text(finding.Subject), finding.Detail, By(answer));
        foreach (var module in result.MissingModules)
            table.AddText("FAILED", module, "answer", Show.None, "no process answered for this module: is its service running and connected to the broker?", Show.None);
        printer.Write(table);
        var failed = result.Answers.Sum(answer => answer.Findings.Count(finding => !finding.Passed)) + result.MissingModules.Count;
        printer.WriteLine(result.Passed
            ? $"All {result.Answers.Sum(answer => answer.Findings.Count)} checks passed."
            : $"{failed} check(s) failed.");
    }

    private static string By(PreflightAnswer answer) => string.IsNullOrEmpty(answer.Instance) ? answer.Process : $"{answer.Process} ({answer.Instance})";
}
