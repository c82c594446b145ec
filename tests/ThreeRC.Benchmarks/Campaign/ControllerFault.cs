namespace ThreeRC.Benchmarks.Campaign;

/// <summary>
/// A fault of the controller itself: one service killed with SIGKILL (and started again at once, as its supervisor
/// would), or the broker restarted.
/// </summary>
internal sealed record ControllerFault(int Number, string Target, TimeSpan After)
{
    public const string Broker = "RabbitMQ";

    public bool IsBroker => Target == Broker;

    /// <summary>
    /// About one controller fault per <paramref name="every"/> guest or host faults: each target of
    /// <paramref name="services"/> and the broker equally often, each after a random pause of up to twice the mean.
    /// </summary>
    public static IReadOnlyList<ControllerFault> Plan(int seed, int faults, double every, IReadOnlyList<string> services, TimeSpan meanPause)
    {
        if (every <= 0) return [];
        var random = new Random(seed + 1);
        var targets = services.Append(Broker).ToList();
        return Enumerable.Range(1, (int)Math.Ceiling(faults / every))
            .Select(number => new ControllerFault(number, targets[random.Next(targets.Count)], meanPause * (2 * random.NextDouble())))
            .ToList();
    }
}
