using System.CommandLine;
using System.Globalization;
using ThreeRC.Lab.Simulation;

namespace ThreeRC.Lab;

/// <summary>The lab's command line: its options, parsed the .NET way, with --help.</summary>
internal static class LabCommand
{
    public static Task<int> InvokeAsync(string[] args)
    {
        var defaults = new LabSettings();
        var hosts = new Option<int>("--hosts") { Description = "Physical hosts to simulate", DefaultValueFactory = _ => defaults.Hosts };
        var vms = new Option<int>("--vms-per-host") { Description = "VMs on each host", DefaultValueFactory = _ => defaults.VmsPerHost };
        var duration = new Option<TimeSpan>("--duration") { Description = "How long to inject crashes (hh:mm:ss)", DefaultValueFactory = _ => defaults.Duration };
        var settle = new Option<TimeSpan>("--settle")
        {
            Description = "Then how long to wait at most for the incidents still open, before the summary (hh:mm:ss)", DefaultValueFactory = _ => defaults.Settle,
        };
        var every = new Option<TimeSpan>("--crash-every") { Description = "Mean time between two crashes (hh:mm:ss)", DefaultValueFactory = _ => defaults.CrashEvery };
        var seed = new Option<int>("--seed") { Description = "Seed of the crash injection: the same seed injects the same crashes", DefaultValueFactory = _ => defaults.Seed };
        var kinds = new Option<CrashKind[]>("--kinds") { Description = "Crash kinds to inject", DefaultValueFactory = _ => [.. defaults.Kinds], AllowMultipleArgumentsPerToken = true };
        var output = new Option<string>("--output") { Description = "Folder for the summary, the histograms and the log", DefaultValueFactory = _ => defaults.OutputDirectory };
        var port = new Option<int>("--port") { Description = "HTTP port of the lab (health, PXE call-back)", DefaultValueFactory = _ => defaults.HttpPort };
        var grpcPort = new Option<int>("--grpc-port") { Description = "gRPC port of the Api, for the threerc CLI", DefaultValueFactory = _ => defaults.GrpcPort };

        var command = new RootCommand(
            "Runs ThreeRC against a simulated data centre: hosts and VMs that crash at random in the ways the paper tested " +
            "(guest crash, guest hang, host power loss, erased /boot), watched through a simulated Ganglia, and shows each recovery.")
        {
            hosts, vms, duration, settle, every, seed, kinds, output, port, grpcPort,
        };
        command.SetAction((result, cancellationToken) =>
        {
            var settings = defaults with
            {
                Hosts = result.GetValue(hosts),
                VmsPerHost = result.GetValue(vms),
                Duration = result.GetValue(duration),
                Settle = result.GetValue(settle),
                CrashEvery = result.GetValue(every),
                Seed = result.GetValue(seed),
                Kinds = result.GetValue(kinds)!,
                OutputDirectory = result.GetValue(output)!,
                HttpPort = result.GetValue(port),
                GrpcPort = result.GetValue(grpcPort),
            };
            var errors = settings.Errors();
            foreach (var error in errors) System.Console.Error.WriteLine(error);
            return errors.Count == 0 ? LabRun.RunAsync(settings, cancellationToken) : Task.FromResult(2);
        });
        return command.Parse(args).InvokeAsync();
    }

    public static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0", CultureInfo.InvariantCulture);
}
