using System.Collections.Concurrent;

namespace ThreeRC.Testing.Browser;

/// <summary>Every address a page requested, and every error its console printed or its scripts threw.</summary>
public sealed class PageLog
{
    public ConcurrentQueue<string> Requests { get; } = new();

    public ConcurrentQueue<string> Errors { get; } = new();
}
