using ThreeRC.Placement.Choice.Criteria;
using ThreeRC.Placement.Model;
using ThreeRC.Placement.Options;

namespace ThreeRC.Placement.Choice;

/// <summary>
/// The choice algorithm: the VM's current host when it meets every criterion (a crashed guest on a healthy host
/// restarts in place), else the qualifying host with the lowest <see cref="HostScore"/>.
/// </summary>
internal sealed class HostChooser(IPlacementCriterion[] criteria, double expectedLoadPerVm)
{
    public static HostChooser From(PlacementOptions options)
    {
        List<IPlacementCriterion> criteria =
        [
            new NotTheLostHost(), new NotWhereItsRestartFailed(), new HostIsUp(), new HostIsNotFenced(), new HostIsNotInMaintenance(),
            new SameHypervisorDriver(), new UnderLoadThreshold(options.ExpectedLoadPerVm), new UnderMaxVms(),
            new MemoryFits(), new AntiAffinity(),
        ];
        if (options.UseReportedFreeMemory) criteria.Insert(criteria.Count - 1, new ReportedMemoryFits());
        return new HostChooser([.. criteria], options.ExpectedLoadPerVm);
    }

    public HostChoice Choose(PlacementState state, PlacementRequest request)
    {
        if (!request.MustRelocate && state.FindHost(request.CurrentHost) is { } current && FirstFailure(current, request) < 0)
            return new HostChoice(current, () => $"current host {current.Name} is healthy: restart in place ({Score(current, request).Describe()})");

        HostState? best = null;
        var bestScore = double.MaxValue;
        var qualifying = 0;
        foreach (var host in state.Hosts)
        {
            if (FirstFailure(host, request) >= 0) continue;
            qualifying++;
            var score = Score(host, request).Value;
            if (score >= bestScore) continue;
            best = host;
            bestScore = score;
        }

        return best is null
            ? new HostChoice(null, () => Rejections(state, request))
            : new HostChoice(best, () => $"{best.Name} has the lowest score of {qualifying} qualifying hosts ({Score(best, request).Describe()})");
    }

    private HostScore Score(HostState host, PlacementRequest request) => HostScore.Of(host, request.Vm, expectedLoadPerVm);

    private int FirstFailure(HostState host, PlacementRequest request)
    {
        for (var i = 0; i < criteria.Length; i++)
            if (!criteria[i].Allows(host, request)) return i;
        return -1;
    }

    private string Rejections(PlacementState state, PlacementRequest request)
    {
        var rejections = new Rejections(criteria);
        foreach (var host in state.Hosts) rejections.Add(FirstFailure(host, request), host.Name);
        return rejections.Describe(request.Vm);
    }
}
