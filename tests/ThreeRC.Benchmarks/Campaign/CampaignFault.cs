using ThreeRC.Node.Lab.Simulation;

namespace ThreeRC.Benchmarks.Campaign;

/// <summary>One planned fault: what to inject, and into which VM or host.</summary>
internal sealed record CampaignFault(int Number, CrashKind Kind, string Target)
{
    /// <summary>
    /// The faults of a campaign, the same for the same seed: guest faults on random VMs, then, when asked for,
    /// one host failure last (the emulated hosts do not power on again).
    /// </summary>
    public static IReadOnlyList<CampaignFault> Plan(int seed, int count, IReadOnlyList<string> vms, IReadOnlyList<CrashKind> kinds, string lastHost)
    {
        var random = new Random(seed);
        var guestKinds = kinds.Where(kind => kind != CrashKind.HostPowerLoss).ToList();
        var hostFailure = kinds.Contains(CrashKind.HostPowerLoss);
        var plan = Enumerable.Range(1, hostFailure ? count - 1 : count)
            .Select(number => new CampaignFault(number, guestKinds[random.Next(guestKinds.Count)], vms[random.Next(vms.Count)]))
            .ToList();
        if (hostFailure) plan.Add(new CampaignFault(count, CrashKind.HostPowerLoss, lastHost));
        return plan;
    }
}
