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
    /// About one controller fault per <paramref name="every"/> guest or host faults, each after a random pause of up to
    /// twice the mean. The targets (each of <paramref name="services"/> and the broker) come in rounds, each round in a
    /// random order, so that every one is hit as soon as there are as many faults as targets.
    /// </summary>
    public static IReadOnlyList<ControllerFault> Plan(int seed, int faults, double every, IReadOnlyList<string> services, TimeSpan meanPause)
    {
        if (every <= 0) return [];
        var random = new Random(seed + 1);
        var targets = services.Append(Broker).ToList();
        var count = (int)Math.Ceiling(faults / every);
        var order = Enumerable.Range(0, (count + targets.Count - 1) / targets.Count).SelectMany(_ => targets.OrderBy(_ => random.Next())).Take(count);
        return order.Select((target, index) => new ControllerFault(index + 1, target, meanPause * (2 * random.NextDouble()))).ToList();
    }
}
