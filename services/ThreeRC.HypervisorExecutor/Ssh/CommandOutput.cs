namespace ThreeRC.HypervisorExecutor.Ssh;

/// <summary>How a remote command ended: its exit status (or the signal that ended it) and what it printed.</summary>
public sealed record CommandOutput(int? ExitStatus, string? ExitSignal, string Output, string Error)
{
    public bool Succeeded => ExitStatus == 0;

    /// <summary>The first thing a failed command said, for a reason in a result.</summary>
    public string Summary => ExitSignal is not null ? $"killed by signal {ExitSignal}" : $"exit status {ExitStatus}: {Detail}";

    /// <summary>The first line it printed, on its error output first.</summary>
    public string Detail => FirstLine(Error) ?? FirstLine(Output) ?? "no output";

    private static string? FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
}
