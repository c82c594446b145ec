namespace ThreeRC.Testing;

/// <summary>Runs the built threerc command as a process, with none of the caller's THREERC_* variables.</summary>
public static class Cli
{
    public static readonly string Assembly =
        RepositoryRoot.Combine("services", "ThreeRC.Cli", "bin", RepositoryRoot.Configuration, "net10.0", "threerc.dll");

    public static Task<CommandResult> RunAsync(string[] arguments, string? apiKey = null) =>
        Command.RunAsync("dotnet", [Assembly, .. arguments], TimeSpan.FromSeconds(60), environment: Environment(apiKey));

    /// <summary>
    /// Starts it as a terminal's foreground job would, with SIGINT at its default action, so that kill -INT is Ctrl+C.
    /// A test run started in the background of a script inherits SIGINT ignored (POSIX shells ignore it in
    /// background jobs, and .NET passes an ignored signal on to its children), and threerc would never see it.
    /// </summary>
    public static ServiceProcess Start(string[] arguments) =>
        ServiceProcess.Start("env", ["--default-signal=INT", "dotnet", Assembly, .. arguments], Environment(null));

    private static Dictionary<string, string?> Environment(string? apiKey) => new()
    {
        ["THREERC_API"] = "",
        ["THREERC_API_KEY"] = apiKey ?? "",
        ["THREERC_OPERATOR"] = "",
        ["NO_COLOR"] = "1",
    };
}
