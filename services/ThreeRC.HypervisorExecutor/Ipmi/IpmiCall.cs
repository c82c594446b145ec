using ThreeRC.HypervisorExecutor.Commands;

namespace ThreeRC.HypervisorExecutor.Ipmi;

/// <summary>One ipmitool run: its arguments (never the password) and, for <c>-E</c>, the variable that holds it.</summary>
public sealed record IpmiCall(string Program, IReadOnlyList<string> Arguments, string? PasswordVariable)
{
    /// <summary>A status query, which cannot change anything (power off and power on do).</summary>
    public bool ReadsOnly { get; init; }

    /// <summary>The line recorded in results: it runs on the executor's own machine.</summary>
    public override string ToString() => $"local: {new RemoteCommand(Program, Arguments)}";
}
