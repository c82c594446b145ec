using System.CommandLine;
using Grpc.Core;
using ThreeRC.Api.V1;
using ThreeRC.Cli.Connection;
using ThreeRC.Cli.Output;

namespace ThreeRC.Cli.Commands;

public static class WatchCommand
{
    private static readonly Option<string[]> Vms = new("--vm") { Description = "Only events about this VM (repeat for more)", HelpName = "name" };

    private static readonly Option<string[]> Hosts = new("--host") { Description = "Only events about this physical host (repeat for more)", HelpName = "name" };

    private static readonly Option<string[]> Kinds = new("--kind") { Description = "Only events of this kind, such as RecoveryStarted (repeat for more)", HelpName = "kind" };

    public static Command Create() =>
        new Command("watch", "Print events as ThreeRC's services publish them, until Ctrl+C.") { Vms, Hosts, Kinds }.WithApiAction(RunAsync);

    private static async Task RunAsync(ApiSession api, Printer printer, ParseResult parsed, CancellationToken cancellationToken)
    {
        var request = new WatchEventsRequest
        {
            VmNames = { parsed.GetValue(Vms) ?? [] },
            HostNames = { parsed.GetValue(Hosts) ?? [] },
            Kinds = { parsed.GetValue(Kinds) ?? [] },
        };
        using var call = api.Events.WatchEvents(request, ApiSession.Streaming(cancellationToken));
        await call.ResponseHeadersAsync;
        await Console.Error.WriteLineAsync($"Watching the events of {api.Address} (Ctrl+C to stop).");

        await foreach (var watched in call.ResponseStream.ReadAllAsync(cancellationToken))
        {
            if (printer.Json) printer.WriteLine(watched);
            else await Console.Out.WriteLineAsync($"{Show.Time(watched.OccurredAt)}  {watched.Kind,-26} {Subject(watched),-16} {watched.Summary}");
            await Console.Out.FlushAsync(cancellationToken);
        }

        await Console.Error.WriteLineAsync("The Api ended the stream.");
    }

    private static string Subject(Event watched) =>
        watched.VmName.Length > 0 ? watched.VmName : Show.Text(watched.HostName);
}
