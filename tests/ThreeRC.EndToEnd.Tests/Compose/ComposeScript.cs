using ThreeRC.Testing;

namespace ThreeRC.EndToEnd.Tests.Compose;

/// <summary>
/// infra/scripts/compose-test.sh as the tests run it: to its end, or held up (<c>--site FILE --hold</c>) while a test
/// drives the machines, until it is stopped (SIGTERM: it tears everything down and exits 0 when all it checked held).
/// </summary>
internal static class ComposeScript
{
    /// <summary>A first run on a new machine: debootstrap, the images, seven self-contained publishes (7 min here).</summary>
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(20);

    public static readonly TimeSpan TeardownBudget = TimeSpan.FromMinutes(3);

    private static readonly string Script = RepositoryRoot.Combine("infra", "scripts", "compose-test.sh");

    public static Task<CommandResult> RunAsync(params string[] arguments) => Command.RunAsync("bash", [Script, .. arguments], Budget);

    /// <summary>
    /// Starts the default profile, on the images built before, for the site <paramref name="siteEnv"/> describes;
    /// returns once it is up and checked.
    /// </summary>
    public static async Task<ServiceProcess> HoldAsync(string siteEnv)
    {
        var script = ServiceProcess.Start("bash", [Script, "--no-build", "--site", siteEnv, "--hold"]);
        try
        {
            await Eventually.Until(() => script.HasExited || script.Output.Contains("compose-test: ready\n", StringComparison.Ordinal), Budget,
                "compose-test.sh --site up");
            if (!script.HasExited) return script;
        }
        catch (TimeoutException)
        {
        }

        var output = script.Output;
        await script.DisposeAsync();
        throw new InvalidOperationException($"compose-test.sh --site {siteEnv} did not come up:\n{output}");
    }
}
