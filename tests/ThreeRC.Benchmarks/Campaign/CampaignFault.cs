using ThreeRC.Lab.Simulation;

namespace ThreeRC.Benchmarks.Campaign;

/// <summary>One planned fault: what to inject, and into which VM or host.</summary>
internal sealed record CampaignFault(int Number, CrashKind Kind, string Target)
{
    /// <summary>When host power loss is asked for, one fault in this many is one.</summary>
    private const int HostFailureOdds = 10;

    /// <summary>
    /// The faults of a campaign, the same for the same seed: guest faults on random VMs and, when asked for, one time
    /// in <see cref="HostFailureOdds"/> the power loss of a random host (powered on again once its VMs run elsewhere).
    /// </summary>
    public static IReadOnlyList<CampaignFault> Plan(int seed, int count, IReadOnlyList<string> vms, IReadOnlyList<string> hosts, IReadOnlyList<CrashKind> kinds)
    {
        var random = new Random(seed);
        var guestKinds = kinds.Where(kind => kind != CrashKind.HostPowerLoss).ToList();
        var hostFailures = kinds.Contains(CrashKind.HostPowerLoss);
        return Enumerable.Range(1, count)
            .Select(number => hostFailures && random.Next(HostFailureOdds) == 0
                ? new CampaignFault(number, CrashKind.HostPowerLoss, hosts[random.Next(hosts.Count)])
                : new CampaignFault(number, guestKinds[random.Next(guestKinds.Count)], vms[random.Next(vms.Count)]))
            .ToList();
    }
}
