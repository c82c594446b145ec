using System.Runtime;

namespace ThreeRC.Benchmarks.Orchestrator;

/// <summary>
/// The runtime settings the orchestrator service runs with (its project file: server GC from the web SDK, tiered
/// compilation off), and whether this process, which hosts the orchestrators of a scenario, runs with the same.
/// </summary>
internal static class OrchestratorRuntime
{
    private const string AsTheService = "server GC, tiered compilation off";

    public static string Describe()
    {
        var tiered = Environment.GetEnvironmentVariable("DOTNET_TieredCompilation") is not "0"
            && AppContext.GetData("System.Runtime.TieredCompilation") is not false;
        var here = $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC, tiered compilation {(tiered ? "on" : "off")}";
        return here == AsTheService
            ? $"runtime: {here}, as the orchestrator service"
            : $"runtime: {here}, NOT as the orchestrator service ({AsTheService}: DOTNET_gcServer=1 DOTNET_TieredCompilation=0)";
    }
}
