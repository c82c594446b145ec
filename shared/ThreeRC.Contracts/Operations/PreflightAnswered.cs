namespace ThreeRC.Contracts.Operations;

/// <summary>One process's answer to <see cref="RunPreflight"/>.</summary>
/// <param name="PreflightId">The <see cref="RunPreflight"/> it answers.</param>
/// <param name="Process">The process that answers: ThreeRC.HypervisorExecutor, ThreeRC.Node, …</param>
/// <param name="Instance">Its <c>Bus:InstanceName</c>, when set.</param>
/// <param name="Modules">The modules it runs, those of <see cref="PreflightModules"/>.</param>
/// <param name="Findings">What its checks found.</param>
/// <param name="At">When its checks had all finished.</param>
public record PreflightAnswered(
    Guid PreflightId, string Process, string? Instance, IReadOnlyList<string> Modules, IReadOnlyList<PreflightFinding> Findings, DateTimeOffset At);

/// <summary>One thing a preflight checked.</summary>
/// <param name="Module">The module whose work needs it (<see cref="PreflightModules"/>).</param>
/// <param name="Check">What was checked: "ssh login", "bmc power status", "in ganglia", …</param>
/// <param name="Subject">Of what: a host, a VM, a BMC, a file, a store.</param>
/// <param name="Passed">Whether it holds.</param>
/// <param name="Detail">What was seen, or what is wrong and where.</param>
public record PreflightFinding(string Module, string Check, string Subject, bool Passed, string Detail);

/// <summary>The modules a site runs, each in a service of its own or all in one process.</summary>
public static class PreflightModules
{
    public const string Monitor = "monitor";
    public const string Orchestrator = "orchestrator";
    public const string Placement = "placement";
    public const string Executor = "executor";
    public const string Pxe = "pxe-provisioner";
    public const string Api = "api";

    public static IReadOnlyList<string> All { get; } = [Monitor, Orchestrator, Placement, Executor, Pxe, Api];
}
