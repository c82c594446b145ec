namespace ThreeRC.Api.Feed;

/// <summary>A watcher fell more than its buffer behind the feed.</summary>
public sealed class WatcherTooSlowException(int capacity)
    : Exception($"the client fell more than {capacity} events behind; watch again to continue");
