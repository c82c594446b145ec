using System.CommandLine;
using System.CommandLine.Parsing;
using ThreeRC.Cli.Commands;
using ThreeRC.Cli.Connection;

namespace ThreeRC.Cli;

/// <summary>The threerc command line: its commands, its global options, and its exit codes.</summary>
public static class ThreeRcCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var command = Create();
        var parsed = command.Parse(args);
        if (parsed.Errors.Count == 0) return await parsed.InvokeAsync();

        foreach (var error in parsed.Errors) await Console.Error.WriteLineAsync($"error: {error.Message}");
        var path = string.Concat(CommandPath(parsed).Select(name => name + " "));
        await Console.Error.WriteLineAsync($"Run 'threerc {path}--help' for usage.");
        return ExitCodes.BadArguments;
    }

    public static RootCommand Create() => new("threerc: what ThreeRC sees, what it does and did about it, and operator commands, over the Api's gRPC.")
    {
        GlobalOptions.Api,
        GlobalOptions.ApiKey,
        GlobalOptions.Output,
        GlobalOptions.Operator,
        StatusCommand.Create(),
        RecoveriesCommand.Create(),
        ShowCommand.Create(),
        WatchCommand.Create(),
        MaintenanceCommand.Create(),
        RecoverCommand.Create(),
        FencingCommand.Create(),
        PlanCommand.Create(),
        ReportCommand.Create(),
        DoctorCommand.Create(),
    };

    /// <summary>The subcommands that were recognised, outermost first.</summary>
    private static IEnumerable<string> CommandPath(ParseResult parsed)
    {
        var names = new Stack<string>();
        for (var result = parsed.CommandResult; result.Parent is CommandResult parent; result = parent)
            names.Push(result.Command.Name);
        return names;
    }
}
