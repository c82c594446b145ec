using System.Text;
using System.Text.RegularExpressions;
using ThreeRC.Lab.Simulation;
using ThreeRC.Testing.DataCentre;

namespace ThreeRC.Benchmarks.Campaign;

/// <summary>
/// What a controller must never do, counted over a campaign (each must be 0): incidents lost or opened twice, VMs on
/// two hosts at once, reinstalls after a fault that left /boot intact, pxelinux entries left on the installer after
/// their incident ended, commands run twice, healthy hosts powered off.
/// </summary>
internal sealed partial record CampaignInvariants(
    int Faults, int Recovered, int Lost, int Duplicated, int DoubleStarts, int NeedlessReinstalls, int StrayInstallerEntries, int CommandsRunTwice, int HealthyHostsPoweredOff,
    int ControllerFaults)
{
    public static CampaignInvariants Of(IReadOnlyList<FaultOutcome> outcomes, IReadOnlyList<CampaignFault> plan, EmulatedDataCentre dataCentre,
        IReadOnlySet<Guid> endedIncidents, string executorLog, int controllerFaults)
    {
        var powerLosses = plan.Where(fault => fault.Kind == CrashKind.HostPowerLoss).GroupBy(fault => fault.Target).ToDictionary(g => g.Key, g => g.Count());
        var poweredOff = dataCentre.Hosts.Sum(host =>
            Math.Max(0, host.Bmc.ChassisCalls().Count(call => call.EndsWith("set power 0", StringComparison.Ordinal)) - powerLosses.GetValueOrDefault(host.Name)));
        var runs = CommandRun().Matches(executorLog).Select(match => match.Groups["id"].Value);
        return new CampaignInvariants(
            outcomes.Count,
            outcomes.Count(outcome => outcome.Failure is null),
            outcomes.Count(outcome => outcome.Incidents == 0 || outcome.Failure?.StartsWith("no incident ended", StringComparison.Ordinal) == true),
            outcomes.Sum(outcome => Math.Max(0, outcome.Incidents - 1)),
            dataCentre.Violations.Count,
            outcomes.Count(outcome => outcome.ReinstalledNeedlessly),
            dataCentre.InstallerEntries().Count(entry => entry.RecoveryId is { } id && endedIncidents.Contains(id)),
            runs.GroupBy(id => id).Sum(group => group.Count() - 1),
            poweredOff,
            controllerFaults);
    }

    public string ToText() => new StringBuilder()
        .AppendLine($"guest and host faults: {Faults}, of which recovered: {Recovered}; controller faults (kill -9, broker restart): {ControllerFaults}")
        .AppendLine($"incidents lost: {Lost}")
        .AppendLine($"incidents opened twice for one fault: {Duplicated}")
        .AppendLine($"VMs seen running on two hosts at once: {DoubleStarts}")
        .AppendLine($"reinstalls after a fault that left /boot intact: {NeedlessReinstalls}")
        .AppendLine($"pxelinux entries on the installer after their incident ended: {StrayInstallerEntries}")
        .AppendLine($"commands run twice (same command id): {CommandsRunTwice}")
        .AppendLine($"healthy hosts powered off: {HealthyHostsPoweredOff}")
        .ToString();

    /// <summary>The executor's log line when it runs a command's action, once recorded as started (its CommandLedger).</summary>
    [GeneratedRegex(@"\w+ (?<id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}) for \S+: running")]
    private static partial Regex CommandRun();
}
