using System.CommandLine;
using Google.Protobuf;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ThreeRC.Cli.Output;

/// <summary>Writes results to standard output: Spectre tables for people, the messages' proto3 JSON for tools.</summary>
public sealed class Printer
{
    /// <summary>Wide enough that piped tables are not wrapped at 80 columns.</summary>
    private const int RedirectedWidth = 240;

    private static readonly JsonFormatter Indented = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true).WithIndentation());
    private static readonly JsonFormatter Compact = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));

    private readonly IAnsiConsole _console;

    private Printer(bool json)
    {
        Json = json;
        _console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        if (Console.IsOutputRedirected) _console.Profile.Width = RedirectedWidth;
    }

    public bool Json { get; }

    public static Printer For(ParseResult parsed) => new(GlobalOptions.Json(parsed));

    public void Write(IMessage message) => Console.Out.WriteLine(Indented.Format(message));

    /// <summary>One message per line, for streams.</summary>
    public void WriteLine(IMessage message) => Console.Out.WriteLine(Compact.Format(message));

    public static string Format(IMessage message) => Indented.Format(message);

    public void Write(IRenderable renderable) => _console.Write(renderable);

    public void WriteLine(string text) => _console.WriteLine(text, Style.Plain);
}
